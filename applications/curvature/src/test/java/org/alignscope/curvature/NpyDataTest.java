package org.alignscope.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alignscope.nn.Npy;
import org.alignscope.nn.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference set from NumPy files: the same samples as the CSV of the same data, and clear errors. */
class NpyDataTest {
    static final int SAMPLES = 12;
    static final int FEATURES = 3;

    static {
        // a setting names its option once a command's schema lists it, as hessian's does
        assertEquals("hessian", HessianSettings.SCHEMA.key());
    }

    @Test
    void theNpyPairGivesTheSameReferenceSetAsTheCsvOfTheSameData(@TempDir Path tmp) throws IOException {
        double[] x = new double[SAMPLES * FEATURES];
        long[] y = new long[SAMPLES];
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = i * 0.5 - j * 1.25;
                csv.append(x[i * FEATURES + j]).append(',');
            }
            y[i] = (i * 7) % 3;
            csv.append(y[i]).append('\n');
        }
        Npy.write(tmp.resolve("x.npy"), x, 0, new int[] {SAMPLES, FEATURES}, Precision.F64);
        writeInt64(tmp.resolve("y.npy"), y);
        Files.writeString(tmp.resolve("d.csv"), csv);

        ReferenceData fromNpy = load("npy:" + tmp.resolve("x.npy") + "," + tmp.resolve("y.npy"), 6);
        ReferenceData fromCsv = load("csv:" + tmp.resolve("d.csv"), 6);
        assertArrayEquals(fromCsv.dataset().features(), fromNpy.dataset().features());
        assertArrayEquals(fromCsv.dataset().labels(), fromNpy.dataset().labels());
        assertEquals(3, fromNpy.dataset().classCount());
        assertArrayEquals((int[]) fromCsv.description().get("indices"), (int[]) fromNpy.description().get("indices"));

        writeInt64(tmp.resolve("short.npy"), new long[] {0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("npy:" + tmp.resolve("x.npy") + "," + tmp.resolve("short.npy"), 6));
        assertTrue(e.getMessage().contains("the labels need [12], one per sample"), e.getMessage());
        Npy.write(tmp.resolve("frac.npy"), new double[] {0.5, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}, 0,
                new int[] {SAMPLES}, Precision.F64);
        e = assertThrows(IllegalArgumentException.class,
                () -> load("npy:" + tmp.resolve("x.npy") + "," + tmp.resolve("frac.npy"), 6));
        assertTrue(e.getMessage().contains("label 0 is 0.5; labels are class indices"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("npy:" + tmp.resolve("none.npy") + ","
                + tmp.resolve("y.npy"), 6));
        assertTrue(e.getMessage().endsWith("no such file " + tmp.resolve("none.npy")), e.getMessage());
    }

    private static ReferenceData load(String data, int n) {
        return ReferenceData.load(new ReferenceData.Source(data, null, "label", 1, n), FEATURES, 3);
    }

    /** An {@code <i8} array as NumPy saves labels. */
    private static void writeInt64(Path file, long[] values) throws IOException {
        byte[] header = Npy.header("<i8", new int[] {values.length});
        ByteBuffer b = ByteBuffer.allocate(header.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header);
        for (long v : values) {
            b.putLong(v);
        }
        Files.write(file, b.array());
    }
}
