package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integer dtypes label arrays come in, read as NumPy writes them (bytes laid out here by hand). */
class NpyIntegerTest {

    @Test
    void integerArraysAreReadWithTheirSignAndWidth(@TempDir Path tmp) throws IOException {
        assertArrayEquals(new double[] {0, 255, 7}, read(tmp, "|u1", 1, 0, -1, 7));
        assertArrayEquals(new double[] {0, -1, 7}, read(tmp, "|i1", 1, 0, -1, 7));
        assertArrayEquals(new double[] {0, 65535, 7}, read(tmp, "<u2", 2, 0, -1, 7));
        assertArrayEquals(new double[] {0, -1, 7}, read(tmp, "<i2", 2, 0, -1, 7));
        assertArrayEquals(new double[] {0, 4294967295.0, 7}, read(tmp, "<u4", 4, 0, -1, 7));
        assertArrayEquals(new double[] {0, -1, 7}, read(tmp, "<i4", 4, 0, -1, 7));
        assertArrayEquals(new double[] {0, -1, 7}, read(tmp, "<i8", 8, 0, -1, 7));
        IOException e = assertThrows(IOException.class, () -> read(tmp, ">i4", 4, 1));
        assertTrue(e.getMessage().contains("unsupported dtype '>i4'"), e.getMessage());
    }

    private static double[] read(Path tmp, String descr, int width, long... values) throws IOException {
        byte[] header = Npy.header(descr, new int[] {values.length});
        ByteBuffer b = ByteBuffer.allocate(header.length + width * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header);
        for (long v : values) {
            switch (width) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        Path file = tmp.resolve(descr.replaceAll("[^a-z0-9]", "") + ".npy");
        Files.write(file, b.array());
        Npy.Array a = Npy.read(file);
        assertEquals(descr, a.descr());
        return a.data();
    }
}
