package org.alignscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticAndCsvTest {

    @TempDir
    Path dir;

    @Test
    void gaussianMixtureIsSeededBalancedAndSeparated() {
        Dataset a = GaussianMixture.generate(300, 20, 3, 8.0, 1.0, 7);
        Dataset b = GaussianMixture.generate(300, 20, 3, 8.0, 1.0, 7);
        Dataset c = GaussianMixture.generate(300, 20, 3, 8.0, 1.0, 8);
        assertArrayEquals(a.features(), b.features(), 0.0);
        assertTrue(a.features()[0] != c.features()[0]);
        assertArrayEquals(new int[] {100, 100, 100}, a.classCounts());
        assertArrayEquals(new int[] {20}, a.sampleShape());
        // nearest class mean (estimated from the data) classifies almost everything
        double[][] means = new double[3][20];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 20; j++) {
                means[a.labels()[i]][j] += a.features()[i * 20 + j] / 100;
            }
        }
        int correct = 0;
        for (int i = 0; i < 300; i++) {
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < 3; k++) {
                double d = 0;
                for (int j = 0; j < 20; j++) {
                    double t = a.features()[i * 20 + j] - means[k][j];
                    d += t * t;
                }
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            correct += best == a.labels()[i] ? 1 : 0;
        }
        assertTrue(correct >= 290, "correct " + correct);
        Dataset sub = Subsets.classBalanced(a, 30);
        assertArrayEquals(new int[] {10, 10, 10}, sub.classCounts());
        assertEquals(a.features()[5 * 20], sub.features()[5 * 20]);
    }

    @Test
    void datasetSelectAndValidation() {
        Dataset d = new Dataset("t", new double[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1, 1}, new int[] {2}, 2);
        Dataset s = d.select(new int[] {2, 0});
        assertArrayEquals(new double[] {5, 6, 1, 2}, s.features());
        assertArrayEquals(new int[] {1, 0}, s.labels());
        assertThrows(IllegalArgumentException.class, () -> new Dataset("t", new double[5], new int[] {0, 1, 1},
                new int[] {2}, 2));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("t", new double[6], new int[] {0, 2, 1},
                new int[] {2}, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> d.select(new int[] {3}));
    }

    private Path csv(String content) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void csvWithIntegerAndStringLabels() throws IOException {
        CsvDataset.Result r = CsvDataset.read(csv("x1, y ,x2\n1.5,2,3\n\n-1,0,2e-3\n"), "y");
        Dataset d = r.dataset();
        assertEquals(2, d.size());
        assertEquals(3, d.classCount());
        assertArrayEquals(new double[] {1.5, 3, -1, 0.002}, d.features());
        assertArrayEquals(new int[] {2, 0}, d.labels());
        assertEquals(List.of("x1", "x2"), r.featureNames());
        CsvDataset.Result s = CsvDataset.read(csv("a,species\n1,setosa\n2,virginica\n3,setosa\n"), "species");
        assertEquals(List.of("setosa", "virginica"), s.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, s.dataset().labels());
    }

    private String csvError(String content, String label) throws IOException {
        Path f = csv(content);
        return assertThrows(DataException.class, () -> CsvDataset.read(f, label)).getMessage();
    }

    @Test
    void csvErrorsNameTheLine() throws IOException {
        assertTrue(csvError("a,b\n1,2\n3,x\n", "a").endsWith("data.csv:3: column 'b' holds 'x', not a number"));
        assertTrue(csvError("a,b\n1,2\n3\n", "a").contains(":3: 1 fields, but the header has 2"));
        assertTrue(csvError("a,b\n1,2\n", "label").contains(":1: no column named 'label'"));
        assertTrue(csvError("", "a").contains("empty CSV file"));
        assertTrue(csvError("a,b\n", "a").contains("no data lines"));
        assertTrue(csvError("a,b\n1,2\n,4\n", "a").contains(":3: empty label"));
        assertTrue(csvError("a,b\n1,NaN\n", "a").contains(":2: column 'b' holds 'NaN', not a finite number"));
        assertTrue(assertThrows(DataException.class, () -> CsvDataset.read(dir.resolve("nope.csv"), "a")).getMessage()
                .contains("no such file"));
    }
}
