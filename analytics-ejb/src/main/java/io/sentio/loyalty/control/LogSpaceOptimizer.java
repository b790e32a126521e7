package io.sentio.loyalty.control;

import java.util.Arrays;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Minimises a smooth objective of log-parameters: Commons Math's Nelder-Mead (robust far from the optimum, used
 * for the multi-start pilot), a Newton-Raphson polish on an analytic gradient (Cholesky solves from Commons Math;
 * quadratic convergence near the optimum), and Commons Math's BOBYQA (Powell 2009) plus Nelder-Mead restarts as
 * the fallback should Newton fail. Log-parameters are bounded to [&minus;{@value #BOUND}, {@value #BOUND}] for
 * BOBYQA, i.e. parameters within e<sup>&plusmn;30</sup>, far beyond any sensible value. One instance per fit;
 * not thread-safe (it counts evaluations), although the objective itself may evaluate in parallel.
 */
final class LogSpaceOptimizer {

    @FunctionalInterface
    interface Objective {
        double value(double[] theta);
    }

    /** {F(&theta;), &part;F/&part;&theta;<sub>1</sub>, ..., &part;F/&part;&theta;<sub>d</sub>}. */
    @FunctionalInterface
    interface Gradient {
        double[] valueAndGradient(double[] theta);
    }

    private static final double BOUND = 30;
    private static final int MAX_EVAL = 20_000;
    private static final double REL_TOL = 1e-13;
    private static final double ABS_TOL = 1e-15;

    /** Newton stops after this many iterations in a row that could not improve by more than the resolution. */
    private static final int FLAT_ITERATIONS = 2;
    /** A Newton step at least this long (in some log-parameter) that promises no gain means a ridge. */
    private static final double RIDGE_STEP = 1e-3;
    /** Relative gain below which a double-precision objective cannot tell a step from rounding. */
    private static final double ROUNDING = 1e-15;

    private final Objective objective;
    private final int dimension;
    private final double resolution;
    private int evaluations;

    /**
     * @param resolution the smallest improvement of the objective that matters (for a mean log-likelihood of n
     *                   customers, e.g. 10<sup>&minus;6</sup>/n: a millionth of a log-likelihood unit, far below
     *                   what any likelihood-ratio test resolves, and small enough that parameters stopped there
     *                   are within ~10<sup>&minus;4</sup> of the optimum even for a few thousand customers);
     *                   Newton stops on a ridge where the objective keeps creeping towards a supremum at
     *                   infinity by less than that per step
     */
    LogSpaceOptimizer(Objective objective, int dimension, double resolution) {
        this.objective = objective;
        this.dimension = dimension;
        this.resolution = resolution;
    }

    double value(double[] theta) {
        evaluations++;
        return objective.value(theta);
    }

    int evaluations() {
        return evaluations;
    }

    /** Nelder-Mead from {@code start} with an initial simplex of edge {@code step} in every coordinate. */
    double[] nelderMead(double[] start, double step) {
        return nelderMead(start, step, REL_TOL);
    }

    /** Nelder-Mead stopping when no vertex value changes by more than {@code relativeTolerance} (relative). */
    double[] nelderMead(double[] start, double step, double relativeTolerance) {
        double[] steps = new double[dimension];
        Arrays.fill(steps, step);
        SimplexOptimizer optimizer = new SimplexOptimizer(relativeTolerance, ABS_TOL);
        try {
            PointValuePair p = optimizer.optimize(new MaxEval(MAX_EVAL), new ObjectiveFunction(this::value),
                    GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(steps));
            return p.getPoint();
        } catch (TooManyEvaluationsException e) {
            throw new ArithmeticException("Nelder-Mead did not converge in " + MAX_EVAL + " evaluations");
        }
    }

    /** BOBYQA from {@code start} with initial trust-region radius {@code radius}, down to radius 1e-9. */
    double[] bobyqa(double[] start, double radius) {
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        Arrays.fill(lower, -BOUND);
        Arrays.fill(upper, BOUND);
        double[] clamped = start.clone();
        for (int i = 0; i < dimension; i++) {
            clamped[i] = Math.max(-BOUND + radius, Math.min(BOUND - radius, clamped[i]));
        }
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * dimension + 1, radius, 1e-9);
        try {
            PointValuePair p = optimizer.optimize(new MaxEval(MAX_EVAL), new ObjectiveFunction(this::value),
                    GoalType.MINIMIZE, new InitialGuess(clamped), new SimpleBounds(lower, upper));
            return p.getPoint();
        } catch (TooManyEvaluationsException e) {
            throw new ArithmeticException("BOBYQA did not converge in " + MAX_EVAL + " evaluations");
        }
    }

    /** A minimum found by {@link #newton}: the point and the Hessian used last (null after the fallback). */
    record Minimum(double[] theta, double[][] hessian) {
    }

    /**
     * Newton-Raphson on the analytic gradient, with the Hessian by forward differences of that gradient
     * (symmetrised; Levenberg damping until it is positive definite) and an Armijo backtracking line search; stops
     * when the Newton step is below 10<sup>&minus;10</sup> in every log-parameter or promises a gain below the
     * objective's rounding (relative {@value #ROUNDING}), or when {@value #FLAT_ITERATIONS} long steps in a row (or a failed line search) promise less than the resolution:
     * the objective is then flat to within what matters, typically a ridge whose supremum lies at infinity (for
     * BG/NBD: a, b &rarr; &infin; with a/(a+b) fixed, a dropout probability without heterogeneity), where the
     * parameters along the ridge are not identified and the model's predictions no longer change. Given a
     * Hessian guess (e.g. the Hessian at the optimum of a subsample, which estimates the same per-customer mean
     * objective), it iterates with that fixed matrix while full steps are accepted (a chord method: one gradient
     * evaluation per iteration, linear convergence at the rate of the Hessian's relative error) and recomputes it
     * otherwise. Falls back to {@link #polish} (BOBYQA + Nelder-Mead) if Newton fails.
     */
    Minimum newton(double[] start, Gradient gradient, double[][] hessianGuess) {
        Minimum found = newtonOrNull(start, gradient, hessianGuess);
        return found != null ? found : new Minimum(polish(start), null);
    }

    /**
     * The pilot search of a fit: Newton from {@code warm} (e.g. an earlier fit of almost the same customers) when
     * given and successful; otherwise Nelder-Mead from each of {@code starts}, loosely (to {@code tolerance}), to find
     * the basin cheaply, and Newton from the best of them (with {@link #newton}'s fallback).
     */
    Minimum pilot(double[] warm, double[][] starts, double tolerance, Gradient gradient) {
        Minimum found = warm == null ? null : newtonOrNull(warm, gradient, null);
        if (found != null) {
            return found;
        }
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double[] start : starts) {
            double[] candidate = nelderMead(start, 0.5, tolerance);
            double value = value(candidate);
            if (value < bestValue) {
                bestValue = value;
                best = candidate;
            }
        }
        return newton(best, gradient, null);
    }

    /** {@link #newton} without the fallback: null when Newton fails. */
    Minimum newtonOrNull(double[] start, Gradient gradient, double[][] hessianGuess) {
        try {
            return newtonIterations(start, gradient, hessianGuess);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private Minimum newtonIterations(double[] start, Gradient gradient, double[][] hessianGuess) {
        double[] theta = start.clone();
        double[] current = evaluate(gradient, theta);
        double[][] hessian = hessianGuess;
        int flat = 0;
        double previousSize = Double.POSITIVE_INFINITY;
        boolean fresh = hessianGuess == null;
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] g = Arrays.copyOfRange(current, 1, dimension + 1);
            if (hessian == null) {
                hessian = hessian(theta, g, gradient);
                fresh = true;
            }
            double[] step = solve(hessian, g);
            double size = 0;
            double slope = 0;
            for (int j = 0; j < dimension; j++) {
                size = Math.max(size, Math.abs(step[j]));
                slope += g[j] * step[j];
            }
            // a ridge: long steps that promise nothing (near an ordinary optimum, steps shrink with the gain)
            flat = -slope < resolution && size > RIDGE_STEP ? flat + 1 : 0;
            // converged: a negligible step, a ridge, or a step whose promised gain is below the objective's rounding
            // (steps from a finite-difference Hessian then stay noisy and every line search would fail)
            if (size < 1e-10 || flat >= FLAT_ITERATIONS || -slope <= ROUNDING * Math.max(1, Math.abs(current[0]))) {
                return new Minimum(theta, hessian);
            }
            double t = 1;
            boolean weak = false;
            while (true) {
                double[] next = new double[dimension];
                for (int j = 0; j < dimension; j++) {
                    next[j] = theta[j] + t * step[j];
                }
                double[] trial = inBounds(next) ? evaluate(gradient, next) : null;
                if (trial != null && trial[0] <= current[0] + 1e-4 * t * slope) {
                    weak = -slope > resolution && current[0] - trial[0] < -0.1 * t * slope;
                    theta = next;
                    current = trial;
                    break;
                }
                t /= 2;
                if (t * size < 1e-12) {
                    if (size < 1e-6 || -slope < resolution) {
                        return new Minimum(theta, hessian); // the objective no longer resolves the step
                    }
                    throw new ArithmeticException("Newton line search failed");
                }
            }
            // a borrowed matrix that converges slowly (steps shrinking by less than 4x) costs more chord steps than
            // the gradient evaluations of a fresh one
            boolean slow = !fresh && size > 0.25 * previousSize;
            if (t < 1 || weak || slow || iteration >= 10) {
                // the guess (or an old matrix) is not good enough here (a step had to be shortened, or gained
                // under a tenth of what the matrix predicted, as on a ridge where the curvature keeps falling)
                hessian = null;
            }
            previousSize = size;
        }
        throw new ArithmeticException("Newton did not converge in 100 iterations");
    }

    private double[][] hessian(double[] theta, double[] g, Gradient gradient) {
        double h = 1e-5;
        double[][] hessian = new double[dimension][dimension];
        for (int j = 0; j < dimension; j++) {
            double[] shifted = theta.clone();
            shifted[j] += h;
            double[] gj = evaluate(gradient, shifted);
            for (int k = 0; k < dimension; k++) {
                hessian[k][j] = (gj[k + 1] - g[k]) / h;
            }
        }
        for (int j = 0; j < dimension; j++) {
            for (int k = 0; k < j; k++) {
                double mean = (hessian[j][k] + hessian[k][j]) / 2;
                hessian[j][k] = mean;
                hessian[k][j] = mean;
            }
        }
        return hessian;
    }

    /** Solves H step = &minus;g with Cholesky, damping H + &lambda;I until positive definite. */
    private double[] solve(double[][] hessian, double[] g) {
        double maxDiagonal = 0;
        for (int j = 0; j < dimension; j++) {
            maxDiagonal = Math.max(maxDiagonal, Math.abs(hessian[j][j]));
        }
        RealVector minusG = new ArrayRealVector(g).mapMultiply(-1);
        double damping = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            RealMatrix m = new Array2DRowRealMatrix(hessian);
            for (int j = 0; j < dimension; j++) {
                m.addToEntry(j, j, damping);
            }
            try {
                return new CholeskyDecomposition(m, 1e-10, 1e-14).getSolver().solve(minusG).toArray();
            } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
                damping = damping == 0 ? 1e-8 * Math.max(1, maxDiagonal) : damping * 10;
            }
        }
        throw new ArithmeticException("Hessian could not be made positive definite");
    }

    private double[] evaluate(Gradient gradient, double[] theta) {
        evaluations++;
        double[] v = gradient.valueAndGradient(theta);
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new ArithmeticException("objective not finite at " + Arrays.toString(theta));
            }
        }
        return v;
    }

    private static boolean inBounds(double[] theta) {
        for (double t : theta) {
            if (!(Math.abs(t) <= BOUND)) {
                return false;
            }
        }
        return true;
    }

    /**
     * BOBYQA from a point near the optimum, then Nelder-Mead restarts with a small simplex until a restart
     * improves the objective by less than 10<sup>&minus;12</sup> (relative): restarting is the standard remedy for
     * Nelder-Mead's premature stops and confirms the optimum found by BOBYQA.
     */
    double[] polish(double[] start) {
        double[] best = bobyqa(start, 0.1);
        double bestValue = value(best);
        for (int restart = 0; restart < 6; restart++) {
            double[] next = nelderMead(best, 0.01);
            double nextValue = value(next);
            boolean improved = nextValue < bestValue;
            boolean significant = bestValue - nextValue > 1e-12 * Math.max(1, Math.abs(bestValue));
            if (improved) {
                best = next;
                bestValue = nextValue;
            }
            if (!significant) {
                break;
            }
        }
        return best;
    }
}
