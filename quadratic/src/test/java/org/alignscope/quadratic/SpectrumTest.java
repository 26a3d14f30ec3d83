package org.alignscope.quadratic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumTest {

    @Test
    void authorsConstructionMatchesQuadSim() {
        Spectrum s = Spectrum.authors(500, 50, 50);
        assertEquals(100, s.eigenvalue(0));
        assertEquals(80, s.eigenvalue(49));
        assertEquals(100 - 20.0 / 49, s.eigenvalue(1), 1e-12);
        assertEquals(80 / 50.1, s.eigenvalue(50), 1e-12);
        assertEquals(80 / 50.1 / 7, s.eigenvalue(499), 1e-12);
        assertEquals(50.1, s.lambdaRatio(), 1e-12);
    }

    @Test
    void invalidInputNamesTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spectrum.authors(500, 50, 1)).getMessage().startsWith("m:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spectrum.authors(500, 500, 5)).getMessage().startsWith("k:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spectrum.authors(500, 0, 5)).getMessage().startsWith("k:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spectrum.twoLevel(10, 2, 1, 1)).getMessage().contains("gap"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spectrum.twoLevel(10, 2, 5, -1)).getMessage().contains("> 0"));
    }

    @Test
    void readsAndSortsAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("eig.txt");
        Files.writeString(f, "# eigenvalues\n1, 10\n2\n20 5\n");
        Spectrum s = new Spectrum(Spectrum.readEigenvalues(f), 2);
        assertEquals(20, s.eigenvalue(0));
        assertEquals(1, s.eigenvalue(4));
        Files.writeString(f, "1 2 x\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spectrum.readEigenvalues(f)).getMessage().contains("'x'"));
    }
}
