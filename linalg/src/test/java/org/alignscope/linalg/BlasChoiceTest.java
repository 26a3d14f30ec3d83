package org.alignscope.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ludovic.netlib.blas.BLAS;
import org.junit.jupiter.api.Test;

class BlasChoiceTest {
    @Test
    void theTwoValuesAndTheDefaultAreRecognised() {
        assertEquals(BlasChoice.AUTO, BlasChoice.parse("auto"));
        assertEquals(BlasChoice.JAVA, BlasChoice.parse("java"));
        assertEquals(BlasChoice.JAVA, BlasChoice.parse(" java "));
    }

    @Test
    void anyOtherValueIsOneLineNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlasChoice.parse("openblas"));
        assertEquals("-Dalignscope.blas: must be auto or java (got 'openblas')", e.getMessage());
    }

    @Test
    void javaIsNetlibsScalarF2jBlasAndComputes() {
        BLAS blas = BlasChoice.JAVA.load();
        assertEquals("F2jBLAS", blas.getClass().getSimpleName());
        double[] a = {1, 2, 3, 4, 5, 6}; // column-major 2 × 3: [[1, 3, 5], [2, 4, 6]]
        double[] y = new double[2];
        blas.dgemv("N", 2, 3, 1.0, a, 2, new double[] {1, 1, 1}, 1, 0.0, y, 1);
        assertArrayEquals(new double[] {9, 12}, y);
    }
}
