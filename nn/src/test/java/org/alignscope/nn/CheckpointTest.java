package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void roundTripF64IsExactAndRebuildsTheModel() throws IOException {
        Model m = Models.create("cnn:2x6x6:c3k3p1-tanh-max2-d4", Loss.CROSS_ENTROPY, Precision.F64, 4, 1.5);
        Checkpoint.save(m, dir);
        Model back = Checkpoint.load(dir);
        assertEquals(m.spec(), back.spec());
        assertEquals(Loss.CROSS_ENTROPY, back.lossFunction());
        assertEquals(Precision.F64, back.precision());
        assertArrayEquals(m.parameters(), back.parameters(), 0.0);
        Batch b = Fixtures.batch(m, 3, 61);
        assertEquals(m.loss(b), back.loss(b), 0.0);
        assertTrue(Files.exists(dir.resolve("0.weight.npy")) && Files.exists(dir.resolve("4.bias.npy")));
        Npy.Array w = Npy.read(dir.resolve("0.weight.npy"));
        assertArrayEquals(new int[] {3, 2, 3, 3}, w.shape());
        assertEquals("<f8", w.descr());
        Checkpoint.Index index = Checkpoint.readIndex(dir);
        assertEquals(m.parameterCount(), index.parameterCount());
        assertEquals("4.bias", index.tensors().get(3).name());
    }

    @Test
    void roundTripF32WritesFloatsAndLosesNothingTheModelUses() throws IOException {
        Model m = Models.create("mlp:5-4-3:gelu", Loss.MSE, Precision.F32, 4, 1.0);
        Checkpoint.save(m, dir);
        assertEquals("<f4", Npy.read(dir.resolve("0.weight.npy")).descr());
        assertEquals(Npy.header("<f4", new int[] {4, 5}).length + 4 * 5 * 4, Files.size(dir.resolve("0.weight.npy")),
                "4 bytes per element");
        Model back = Checkpoint.load(dir);
        assertEquals(Precision.F32, back.precision());
        for (int i = 0; i < m.parameterCount(); i++) {
            assertEquals((float) m.parameters()[i], back.parameters()[i], 0.0);
        }
        Batch b = Fixtures.batch(m, 3, 62);
        assertEquals(m.loss(b), back.loss(b), 0.0, "f32 computes on the rounded values anyway");
    }

    @Test
    void loadIntoRejectsADifferentArchitecture() throws IOException {
        Checkpoint.save(Models.create("mlp:5-4-3:tanh", Loss.MSE, Precision.F64, 1, 1.0), dir);
        Model other = Models.create("mlp:5-6-3:tanh", Loss.MSE, Precision.F64);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.loadInto(other, dir));
        assertTrue(e.getMessage().contains("shape [4, 5]"), e.getMessage());
        assertThrows(IOException.class, () -> Checkpoint.load(dir.resolve("missing")));
    }

    @Test
    void writtenHeaderFollowsTheNpyFormat() {
        byte[] h = Npy.header("<f8", new int[] {200, 784});
        assertEquals(0, h.length % 64, "data aligned to 64 bytes");
        assertEquals((byte) 0x93, h[0]);
        assertEquals("NUMPY", new String(h, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, h[6]);
        assertEquals(0, h[7]);
        int len = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getShort(8);
        assertEquals(h.length - 10, len);
        String dict = new String(h, 10, len, StandardCharsets.US_ASCII);
        assertTrue(dict.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (200, 784), }"), dict);
        assertTrue(dict.endsWith("\n"));
        String one = new String(Npy.header("<f4", new int[] {7}), 10, 54, StandardCharsets.US_ASCII);
        assertTrue(one.contains("'shape': (7,)"), "1-D shape is a one-tuple: " + one);
    }

    /** A version 2.0 header written by hand, as NumPy writes it for huge headers; also odd spacing. */
    @Test
    void parsesVersion2HeadersAndNumpyStyleDicts() throws IOException {
        String dict = "{'descr':'<f4','fortran_order':False,'shape':(2,3),}";
        int total = (12 + dict.length() + 1 + 63) / 64 * 64;
        String padded = dict + " ".repeat(total - 12 - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + 6 * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(padded.length());
        b.put(padded.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 6; i++) {
            b.putFloat(i + 0.5f);
        }
        Npy.Header h = Npy.parseHeader(b.array(), "x.npy");
        assertEquals("<f4", h.descr());
        assertArrayEquals(new int[] {2, 3}, h.shape());
        assertEquals(total, h.dataOffset());
        Path f = dir.resolve("v2.npy");
        Files.write(f, b.array());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5, 4.5, 5.5}, Npy.read(f).data(), 0.0);
    }

    @Test
    void rejectsWhatItCannotRead() {
        byte[] big = Npy.header("<f8", new int[] {2});
        String s = new String(big, StandardCharsets.ISO_8859_1).replace("<f8", ">f8");
        IOException e = assertThrows(IOException.class,
                () -> Npy.parseHeader(s.getBytes(StandardCharsets.ISO_8859_1), "big.npy"));
        assertTrue(e.getMessage().contains("'>f8'") && e.getMessage().contains("big.npy"), e.getMessage());
        String f = new String(big, StandardCharsets.ISO_8859_1).replace("False", "True ");
        assertThrows(IOException.class, () -> Npy.parseHeader(f.getBytes(StandardCharsets.ISO_8859_1), "f.npy"));
        assertThrows(IOException.class, () -> Npy.parseHeader("not numpy at all".getBytes(StandardCharsets.US_ASCII), "t"));
    }

    @Test
    void truncatedDataIsAnError() throws IOException {
        Path f = dir.resolve("t.npy");
        Npy.write(f, new double[] {1, 2, 3}, 0, new int[] {3}, Precision.F64);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 8));
        IOException e = assertThrows(IOException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }
}
