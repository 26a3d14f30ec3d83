package org.alignscope.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the IDX format of LeCun's MNIST files (also used by Fashion-MNIST), gzip-compressed or plain: a
 * big-endian header {@code 0x00 0x00 type ndim}, then ndim big-endian int32 sizes, then the data. Only unsigned
 * bytes (type 0x08) are supported. Every defect is reported with the file name: bad magic, unexpected number of
 * dimensions, non-positive sizes, data that ends early, and bytes after the end of the data.
 */
public final class Idx {
    private Idx() {
    }

    /** An IDX array of unsigned bytes. */
    public record UByteArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    /**
     * Reads an IDX file of unsigned bytes with {@code expectedDims} dimensions (3 for images, 1 for labels).
     *
     * @throws DataException for any missing, unreadable or malformed file
     */
    public static UByteArray read(Path file, int expectedDims) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            DataInputStream data = new DataInputStream(in);
            int magic;
            try {
                magic = data.readInt();
            } catch (EOFException e) {
                throw new DataException(file + ": not an IDX file (shorter than its 4-byte magic number)");
            }
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != 0x08) {
                throw new DataException(String.format("%s: bad IDX magic number 0x%08X (expected 0x000008%02X, unsigned bytes in %d dimensions)",
                        file, magic, expectedDims, expectedDims));
            }
            int ndim = magic & 0xFF;
            if (ndim != expectedDims) {
                throw new DataException(String.format("%s: IDX file has %d dimensions, expected %d (magic 0x%08X)", file, ndim,
                        expectedDims, magic));
            }
            int[] dims = new int[ndim];
            long total = 1;
            for (int d = 0; d < ndim; d++) {
                try {
                    dims[d] = data.readInt();
                } catch (EOFException e) {
                    throw new DataException(file + ": truncated IDX header (ends inside the size of dimension " + d + ")");
                }
                if (dims[d] <= 0) {
                    throw new DataException(file + ": IDX dimension " + d + " has size " + dims[d]);
                }
                total *= dims[d];
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new DataException(file + ": IDX sizes " + Arrays.toString(dims) + " are too large");
            }
            byte[] bytes = new byte[(int) total];
            int got = data.readNBytes(bytes, 0, bytes.length);
            if (got < bytes.length) {
                throw new DataException(file + ": truncated: sizes " + Arrays.toString(dims) + " need " + bytes.length
                        + " data bytes but the file ends after " + got);
            }
            if (data.read() != -1) {
                throw new DataException(file + ": wrong sizes: data continues after the " + bytes.length + " bytes that "
                        + Arrays.toString(dims) + " announce");
            }
            return new UByteArray(dims, bytes);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file", e);
        } catch (ZipException | EOFException e) {
            throw new DataException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e + ")", e);
        }
    }
}
