package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** 2F1 against closed forms from Abramowitz &amp; Stegun ch. 15, across all evaluation regions. */
class GaussHypergeometricTest {

    private static final double[] Z = {-50, -5, -1, -0.9, -0.3, 0, 0.1, 0.5, 0.74, 0.76, 0.8, 0.9, 0.95, 0.99,
        0.999, 0.9999, 0.999999};

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, offset(tolerance * Math.max(1e-300, Math.abs(expected))));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2426, 0.7, 1, 2, 3.5, 7})
    void reducesToPowerWhenBEqualsC(double a) {
        // A&S 15.1.8: F(a, b; b; z) = (1 - z)^-a; c - a - b = -a covers integer and non-integer cases
        for (double b : new double[] {0.4, 2.4258, 5}) {
            for (double z : Z) {
                assertRelative(GaussHypergeometric.value(a, b, b, z), Math.pow(1 - z, -a), 1e-11);
            }
        }
    }

    @Test
    void logarithmCaseWithIntegerExcess() {
        // A&S 15.1.3: F(1, 1; 2; z) = -ln(1 - z) / z, where c - a - b = 0 (the logarithmic limit form)
        for (double z : Z) {
            double expected = z == 0 ? 1 : -Math.log1p(-z) / z;
            assertRelative(GaussHypergeometric.value(1, 1, 2, z), expected, 1e-12);
        }
    }

    @Test
    void arcsineCase() {
        // A&S 15.1.6: F(1/2, 1/2; 3/2; z^2) = arcsin(z) / z, c - a - b = 1/2
        for (double s : new double[] {0.1, 0.6, 0.9, 0.99, 0.99999}) {
            assertRelative(GaussHypergeometric.value(0.5, 0.5, 1.5, s * s), Math.asin(s) / s, 1e-12);
        }
        // A&S 15.1.7: F(1/2, 1; 3/2; -z^2) = arctan(z) / z
        for (double s : new double[] {0.1, 1, 3, 30}) {
            assertRelative(GaussHypergeometric.value(0.5, 1, 1.5, -s * s), Math.atan(s) / s, 1e-12);
        }
    }

    @Test
    void trigonometricCaseWithGeneralParameters() {
        // A&S 15.1.15: F(a, 1 - a; 3/2; sin^2 x) = sin((2a - 1) x) / ((2a - 1) sin x)
        for (double a : new double[] {0.3, 1.7, 2.25}) {
            for (double x : new double[] {0.2, 1.0, 1.3, 1.5}) {
                double s = Math.sin(x);
                double expected = Math.sin((2 * a - 1) * x) / ((2 * a - 1) * s);
                assertRelative(GaussHypergeometric.value(a, 1 - a, 1.5, s * s), expected, 1e-11);
            }
        }
    }

    @Test
    void integerExcessOfOtherOrders() {
        // F(1, 1; 3; z) = 2[(1 - z) ln(1 - z) + z] / z^2 (c - a - b = 1) and F(2, 1; 2; z) = 1/(1 - z)
        // (c - a - b = -1); both derived from A&S 15.1.3 by termwise integration/differentiation
        for (double z : new double[] {0.3, 0.8, 0.95, 0.9999}) {
            double expected = 2 * ((1 - z) * Math.log1p(-z) + z) / (z * z);
            assertRelative(GaussHypergeometric.value(1, 1, 3, z), expected, 1e-10);
            assertRelative(GaussHypergeometric.value(2, 1, 2, z), 1 / (1 - z), 1e-12);
        }
    }

    @Test
    void nearIntegerExcessStaysAccurate() {
        // c - a - b within 1e-5 of -2: the direct series (z <= 0.999) and the connection formula beyond
        double a = 2 + 1e-5;
        for (double z : new double[] {0.8, 0.99, 0.999, 0.9995, 0.9999}) {
            assertRelative(GaussHypergeometric.value(a, 1.3, 1.3, z), Math.pow(1 - z, -a), 1e-9);
        }
    }

    @Test
    void terminatingSeriesIsThePolynomial() {
        double b = 1.7;
        double c = 2.9;
        for (double z : new double[] {-20, -1, 0.5, 0.99}) {
            double expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
            assertRelative(GaussHypergeometric.value(-2, b, c, z), expected, 1e-13);
        }
    }

    @Test
    void gaussSummationAtOne() {
        // F(1, 1; 3; 1) = sum_n 2/((n+1)(n+2)) = 2
        assertThat(GaussHypergeometric.value(1, 1, 3, 1)).isCloseTo(2, offset(1e-13));
    }

    @Test
    void digammaMatchesKnownValues() {
        double euler = 0.57721566490153286;
        // A&S 6.3.2, 6.3.3, 6.3.4 and psi(1/2 - n) via reflection
        assertThat(GaussHypergeometric.digamma(1)).isCloseTo(-euler, offset(1e-15));
        assertThat(GaussHypergeometric.digamma(0.5)).isCloseTo(-euler - 2 * Math.log(2), offset(1e-15));
        assertThat(GaussHypergeometric.digamma(11)).isCloseTo(-euler + 7381.0 / 2520, offset(1e-14));
        assertThat(GaussHypergeometric.digamma(-0.5)).isCloseTo(-euler - 2 * Math.log(2) + 2, offset(1e-14));
        assertThat(GaussHypergeometric.digamma(1e-8)).isCloseTo(-1e8 - euler, offset(1e-6));
    }

    @Test
    void rejectsUndefinedArguments() {
        assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, -2, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c");
        assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, 2, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z");
        assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diverges");
        assertThatThrownBy(() -> GaussHypergeometric.value(Double.NaN, 1, 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
