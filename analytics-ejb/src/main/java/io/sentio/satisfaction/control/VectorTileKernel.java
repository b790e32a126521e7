package io.sentio.satisfaction.control;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TileKernel} with the Vector API: a 4 × 16 register tile (8 accumulators of 8 floats, two
 * product loads and four broadcasts per row), i.e. 8 FMAs per 6 loads, leaving registers free so
 * that nothing spills on AVX2's 16 vector registers. Loaded only when the
 * incubator module is present.
 */
final class VectorTileKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    private VectorTileKernel() {
    }

    static boolean usable() {
        return S.length() == 8;
    }

    static void multiplyAdd(float[] z, int rows, int qp, float[] c, int cStride, int bb, float[] acc) {
        int q = 0;
        for (; q + TileKernel.TILE_Q <= qp; q += TileKernel.TILE_Q) {
            for (int b = 0; b < bb; b += TileKernel.TILE_B) {
                int o0 = b * qp + q;
                int o1 = o0 + qp;
                int o2 = o1 + qp;
                int o3 = o2 + qp;
                FloatVector a00 = FloatVector.fromArray(S, acc, o0);
                FloatVector a01 = FloatVector.fromArray(S, acc, o0 + 8);
                FloatVector a10 = FloatVector.fromArray(S, acc, o1);
                FloatVector a11 = FloatVector.fromArray(S, acc, o1 + 8);
                FloatVector a20 = FloatVector.fromArray(S, acc, o2);
                FloatVector a21 = FloatVector.fromArray(S, acc, o2 + 8);
                FloatVector a30 = FloatVector.fromArray(S, acc, o3);
                FloatVector a31 = FloatVector.fromArray(S, acc, o3 + 8);
                int c0 = b * cStride;
                int c1 = c0 + cStride;
                int c2 = c1 + cStride;
                int c3 = c2 + cStride;
                for (int i = 0, zi = q; i < rows; i++, zi += qp) {
                    FloatVector z0 = FloatVector.fromArray(S, z, zi);
                    FloatVector z1 = FloatVector.fromArray(S, z, zi + 8);
                    FloatVector w = FloatVector.broadcast(S, c[c0 + i]);
                    a00 = z0.fma(w, a00);
                    a01 = z1.fma(w, a01);
                    w = FloatVector.broadcast(S, c[c1 + i]);
                    a10 = z0.fma(w, a10);
                    a11 = z1.fma(w, a11);
                    w = FloatVector.broadcast(S, c[c2 + i]);
                    a20 = z0.fma(w, a20);
                    a21 = z1.fma(w, a21);
                    w = FloatVector.broadcast(S, c[c3 + i]);
                    a30 = z0.fma(w, a30);
                    a31 = z1.fma(w, a31);
                }
                a00.intoArray(acc, o0);
                a01.intoArray(acc, o0 + 8);
                a10.intoArray(acc, o1);
                a11.intoArray(acc, o1 + 8);
                a20.intoArray(acc, o2);
                a21.intoArray(acc, o2 + 8);
                a30.intoArray(acc, o3);
                a31.intoArray(acc, o3 + 8);
            }
        }
        if (q < qp) {
            narrow(z, rows, qp, q, c, cStride, bb, acc);
        }
    }

    /** The last 8 product columns: a 4 × 8 tile. */
    private static void narrow(float[] z, int rows, int qp, int q, float[] c, int cStride, int bb, float[] acc) {
        for (int b = 0; b < bb; b += TileKernel.TILE_B) {
            int o0 = b * qp + q;
            int o1 = o0 + qp;
            int o2 = o1 + qp;
            int o3 = o2 + qp;
            FloatVector a0 = FloatVector.fromArray(S, acc, o0);
            FloatVector a1 = FloatVector.fromArray(S, acc, o1);
            FloatVector a2 = FloatVector.fromArray(S, acc, o2);
            FloatVector a3 = FloatVector.fromArray(S, acc, o3);
            int c0 = b * cStride;
            int c1 = c0 + cStride;
            int c2 = c1 + cStride;
            int c3 = c2 + cStride;
            for (int i = 0, zi = q; i < rows; i++, zi += qp) {
                FloatVector z0 = FloatVector.fromArray(S, z, zi);
                a0 = z0.fma(FloatVector.broadcast(S, c[c0 + i]), a0);
                a1 = z0.fma(FloatVector.broadcast(S, c[c1 + i]), a1);
                a2 = z0.fma(FloatVector.broadcast(S, c[c2 + i]), a2);
                a3 = z0.fma(FloatVector.broadcast(S, c[c3 + i]), a3);
            }
            a0.intoArray(acc, o0);
            a1.intoArray(acc, o1);
            a2.intoArray(acc, o2);
            a3.intoArray(acc, o3);
        }
    }
}
