package org.alignscope.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shared vector operations sum strictly left to right (the rounding every caller's outputs depend on). */
@Tag("reliability")
class VectorsTest {
    @Test
    void sumsRunLeftToRightInOneAccumulator() {
        // (1e16 + 1) rounds back to 1e16, so left to right gives 0; any other order of the three terms gives 1.
        double[] a = {1e16, 1, -1e16};
        double[] ones = {1, 1, 1};
        assertEquals(0.0, Vectors.dot(a, ones), 0.0);
        assertEquals(0.0, Vectors.dot(new double[] {7, 1e16, 1, -1e16}, 1, ones), 0.0);
        assertEquals(3.0, Vectors.dot(new double[] {1, 2}, new double[] {1, 1}), 0.0);
    }

    @Test
    void normsAxpyAndScale() {
        double[] x = {3, 4};
        assertEquals(25.0, Vectors.squaredNorm(x), 0.0);
        assertEquals(5.0, Vectors.norm(x), 0.0);
        double[] y = {1, 1};
        Vectors.axpy(-2, x, y);
        assertArrayEquals(new double[] {-5, -7}, y, 0.0);
        Vectors.scale(0.5, y);
        assertArrayEquals(new double[] {-2.5, -3.5}, y, 0.0);
    }
}
