package org.alignscope.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlasTest {
    @Test
    void backendNamesTheEffectiveCoreTypeOfTheNativeBlas() {
        String env = System.getenv("OPENBLAS_CORETYPE");
        String expected = "OPENBLAS_CORETYPE=" + (env == null || env.isBlank() ? "unset" : env.strip());
        assertEquals(expected, Blas.coreTypeSetting());
        String name = Blas.get().getClass().getSimpleName();
        if (name.startsWith("JNI")) {
            assertEquals(name + " " + expected, Blas.backend());
        } else {
            assertEquals(name, Blas.backend());
        }
        assertTrue(Blas.backend().startsWith(name));
    }
}
