package io.sentio.satisfaction.control;

/**
 * The bootstrap's hot loop: for a tile of resamples b and rows i,
 * {@code acc[b][q] += Σ_i count[b][i] · z[i][q]}, where z[i] holds row i's cross-products
 * z_j·z_k (j ≤ k), its values z_j and a 1. It is a small matrix product (counts × products), so all
 * resamples of a tile share each loaded product row; with 8-lane FMAs and 8 accumulators in registers
 * it runs near the core's arithmetic peak.
 *
 * <p>Float arithmetic is exact here: every input is a small integer and each tile's partial sums are
 * kept below 2²⁴ by the caller (row-block size), after which they are flushed into doubles.
 *
 * <p>Uses {@code jdk.incubator.vector} when the JVM was started with it
 * ({@code --add-modules jdk.incubator.vector}) and {@code -Dsentio.vector=false} is not set; the plain
 * loop otherwise (same results, several times slower).
 */
final class TileKernel {

    /** Product columns per register tile: two 8-lane vectors. */
    static final int TILE_Q = 16;
    /** Floats per vector; the product width must be a multiple. */
    static final int LANES = 8;
    /** Resamples per register tile. */
    static final int TILE_B = 4;

    static final boolean VECTOR = detect();

    private TileKernel() {
    }

    private static boolean detect() {
        if (!Boolean.parseBoolean(System.getProperty("sentio.vector", "true"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorTileKernel.usable();
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * acc[b·qp + q] += Σ_{i<rows} c[b·cStride + i] · z[i·qp + q] for b &lt; bb, q &lt; qp.
     * Requires qp % 8 == 0 and bb % 4 == 0.
     */
    static void multiplyAdd(float[] z, int rows, int qp, float[] c, int cStride, int bb, float[] acc, boolean vector) {
        if (vector) {
            VectorTileKernel.multiplyAdd(z, rows, qp, c, cStride, bb, acc);
            return;
        }
        for (int b = 0; b < bb; b++) {
            int ab = b * qp;
            int cb = b * cStride;
            for (int i = 0; i < rows; i++) {
                float w = c[cb + i];
                if (w != 0f) {
                    int zi = i * qp;
                    for (int q = 0; q < qp; q++) {
                        acc[ab + q] += w * z[zi + q];
                    }
                }
            }
        }
    }
}
