package org.alignscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small IDX files written by the test: a valid miniature split and every kind of defect. */
class IdxFilesTest {

    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, int dataBytes, int fill) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < dataBytes; i++) {
            out.write(fill >= 0 ? fill : (i * 37) & 0xFF);
        }
        return bytes.toByteArray();
    }

    private static byte[] labelsIdx(int[] labels) throws IOException {
        byte[] b = idx(0x801, new int[] {labels.length}, 0, 0);
        byte[] out = Arrays.copyOf(b, b.length + labels.length);
        for (int i = 0; i < labels.length; i++) {
            out[b.length + i] = (byte) labels[i];
        }
        return out;
    }

    private void gz(String name, byte[] content) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            o.write(content);
        }
    }

    /** A valid split of 20 images, labels 0..9 twice. */
    private void writeValid(FashionMnist.Split split) throws IOException {
        gz(split.imagesFile(), idx(0x803, new int[] {20, 28, 28}, 20 * 784, -1));
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) {
            labels[i] = i % 10;
        }
        gz(split.labelsFile(), labelsIdx(labels));
    }

    private String failure(FashionMnist.Split split) {
        return assertThrows(DataException.class, () -> FashionMnist.readRaw(dir, split)).getMessage();
    }

    @Test
    void validMiniatureFilesAreReadWithAPathOverride() throws IOException {
        writeValid(FashionMnist.Split.TRAIN);
        writeValid(FashionMnist.Split.TEST);
        FashionMnist.Raw raw = FashionMnist.readRaw(dir, FashionMnist.Split.TRAIN);
        assertEquals(20, raw.size());
        assertEquals((byte) ((5 * 37) & 0xFF), raw.pixels()[5]);
        Dataset d = FashionMnist.loadBalanced(dir, FashionMnist.Split.TRAIN, 10);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.labels());
        assertEquals(((5 * 37) & 0xFF) / 255.0, d.features()[5], 0);
        Preprocessing.TrainTest tt = FashionMnist.standard(dir, 20);
        assertEquals(20, tt.test().size());
    }

    @Test
    void plainUncompressedIdxIsAcceptedToo() throws IOException {
        Path f = dir.resolve("plain-labels");
        Files.write(f, labelsIdx(new int[] {3, 1, 4}));
        Idx.UByteArray a = Idx.read(f, 1);
        assertArrayEquals(new int[] {3}, a.dims());
        assertArrayEquals(new byte[] {3, 1, 4}, a.data());
    }

    @Test
    void missingFilesSayHowToInstall() {
        String m = failure(FashionMnist.Split.TRAIN);
        assertTrue(m.contains("apt-get install dataset-fashion-mnist"), m);
        assertTrue(m.contains("pass the folder"), m);
        assertFalse(m.contains("\n"), "one line");
    }

    @Test
    void badMagic() throws IOException {
        writeValid(FashionMnist.Split.TRAIN);
        gz(FashionMnist.Split.TRAIN.imagesFile(), idx(0x0D03, new int[] {20, 28, 28}, 20 * 784, 0));
        String m = failure(FashionMnist.Split.TRAIN);
        assertTrue(m.contains("bad IDX magic number 0x00000D03"), m);
        gz(FashionMnist.Split.TRAIN.imagesFile(), labelsIdx(new int[] {1, 2})); // a labels file in place of images
        m = failure(FashionMnist.Split.TRAIN);
        assertTrue(m.contains("has 1 dimensions, expected 3"), m);
    }

    @Test
    void wrongImageSize() throws IOException {
        writeValid(FashionMnist.Split.TRAIN);
        gz(FashionMnist.Split.TRAIN.imagesFile(), idx(0x803, new int[] {20, 27, 28}, 20 * 27 * 28, 0));
        assertTrue(failure(FashionMnist.Split.TRAIN).contains("images are 27×28, expected 28×28"));
    }

    @Test
    void earlyEndOfData() throws IOException {
        writeValid(FashionMnist.Split.TRAIN);
        gz(FashionMnist.Split.TRAIN.imagesFile(), idx(0x803, new int[] {20, 28, 28}, 19 * 784 + 5, 0));
        String m = failure(FashionMnist.Split.TRAIN);
        assertTrue(m.contains("truncated") && m.contains("need 15680") && m.contains("ends after 14901"), m);
        gz(FashionMnist.Split.TRAIN.imagesFile(), Arrays.copyOf(idx(0x803, new int[] {20, 28, 28}, 0, 0), 10));
        m = failure(FashionMnist.Split.TRAIN);
        assertTrue(m.contains("truncated IDX header"), m);
    }

    @Test
    void dataBeyondTheAnnouncedSize() throws IOException {
        writeValid(FashionMnist.Split.TRAIN);
        gz(FashionMnist.Split.TRAIN.labelsFile(), Arrays.copyOf(labelsIdx(new int[20]), 8 + 20 + 3));
        assertTrue(failure(FashionMnist.Split.TRAIN).contains("wrong sizes: data continues"));
    }

    @Test
    void labelAndImageCountsDisagree() throws IOException {
        writeValid(FashionMnist.Split.TRAIN);
        gz(FashionMnist.Split.TRAIN.labelsFile(), labelsIdx(new int[19]));
        String m = failure(FashionMnist.Split.TRAIN);
        assertTrue(m.contains("holds 19 labels but") && m.contains("holds 20 images"), m);
    }

    @Test
    void labelOutOfRange() throws IOException {
        writeValid(FashionMnist.Split.TRAIN);
        int[] labels = new int[20];
        labels[7] = 12;
        gz(FashionMnist.Split.TRAIN.labelsFile(), labelsIdx(labels));
        assertTrue(failure(FashionMnist.Split.TRAIN).contains("label 12 of item 7 is not in 0..9"));
    }

    @Test
    void corruptAndCutGzip() throws IOException {
        writeValid(FashionMnist.Split.TRAIN);
        Path images = dir.resolve(FashionMnist.Split.TRAIN.imagesFile());
        byte[] good = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(good, good.length / 2)); // download cut short
        String m = failure(FashionMnist.Split.TRAIN);
        assertTrue(m.contains("corrupt or truncated gzip") || m.contains("truncated"), m);
        byte[] bad = good.clone();
        for (int i = 20; i < 60; i++) {
            bad[i] ^= 0x5A;
        }
        Files.write(images, bad);
        m = failure(FashionMnist.Split.TRAIN);
        assertTrue(m.startsWith(images.toString()), m);
    }
}
