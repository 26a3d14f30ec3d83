package org.alignscope.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignscope.io.AtomicFile;

/**
 * NumPy {@code .npy} files of little-endian float64 ({@code <f8}) or float32 ({@code <f4}) arrays in C order; reads
 * also the integer types a label array comes in ({@code <i8}, {@code <i4}, {@code <i2}, {@code |i1}, {@code <u4},
 * {@code <u2}, {@code |u1}), widened to double (an {@code <i8} beyond 2<sup>53</sup> loses digits).
 *
 * <p>Format (NumPy's NEP 1 / {@code numpy.lib.format}): the magic string {@code \x93NUMPY}, a major and minor
 * version byte, the header length (uint16 little-endian for version 1.0; uint32 for 2.0 and 3.0), then an
 * ASCII (3.0: UTF-8) Python dict literal such as {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}
 * padded with spaces and terminated by a newline so that the data start at a multiple of 64 bytes, then the
 * raw data. This class writes version 1.0 and reads 1.0, 2.0 and 3.0.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** A parsed header: dtype descr, shape, and the byte offset where the data start. */
    public record Header(String descr, int[] shape, int dataOffset) {
        /** The number of elements. */
        public long size() {
            long s = 1;
            for (int d : shape) {
                s *= d;
            }
            return s;
        }
    }

    /** An array read from a file, widened to double. */
    public record Array(String descr, int[] shape, double[] data) {
    }

    /** The header bytes (magic through the terminating newline) for an array of this dtype and shape. */
    public static byte[] header(String descr, int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                dict.append(shape.length == 1 ? "," : ", ");
            }
        }
        dict.append("), }");
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        dict.append(" ".repeat(total - unpadded)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    /**
     * Writes {@code data[off .. off + prod(shape))} as {@code precision} ({@code <f8} or {@code <f4}), replacing the
     * file as a whole ({@link AtomicFile}).
     */
    public static void write(Path file, double[] data, int off, int[] shape, Precision precision) throws IOException {
        byte[] head = header(precision.numpyDescr(), shape);
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        ByteBuffer b = ByteBuffer.allocate(head.length + n * precision.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(head);
        for (int i = 0; i < n; i++) {
            if (precision == Precision.F64) {
                b.putDouble(data[off + i]);
            } else {
                b.putFloat((float) data[off + i]);
            }
        }
        AtomicFile.write(file, out -> out.write(b.array()));
    }

    /**
     * Parses the header at the start of {@code bytes}.
     *
     * @throws IOException (with the file name when given) if the magic, version, dtype or order is unsupported
     */
    public static Header parseHeader(byte[] bytes, String name) throws IOException {
        if (bytes.length < 10) {
            throw new IOException(name + ": too short for a .npy file (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IOException(name + ": not a .npy file (bad magic string)");
            }
        }
        int major = bytes[6] & 0xFF;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int len;
        int start;
        if (major == 1) {
            len = b.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IOException(name + ": truncated .npy header");
            }
            long l = b.getInt(8) & 0xFFFFFFFFL;
            if (l > Integer.MAX_VALUE - 12) {
                throw new IOException(name + ": .npy header too long");
            }
            len = (int) l;
            start = 12;
        } else {
            throw new IOException(name + ": unsupported .npy version " + major + "." + (bytes[7] & 0xFF));
        }
        if (start + len > bytes.length) {
            throw new IOException(name + ": truncated .npy header");
        }
        String dict = new String(bytes, start, len, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IOException(name + ": malformed .npy header " + dict.trim());
        }
        String descr = d.group(1);
        if (width(descr) == 0) {
            throw new IOException(name + ": unsupported dtype '" + descr + "' (expected little-endian float64 '<f8',"
                    + " float32 '<f4' or an integer type: '<i8', '<i4', '<i2', '|i1', '<u4', '<u2', '|u1')");
        }
        if (f.group(1).equals("True")) {
            throw new IOException(name + ": Fortran-ordered arrays are not supported (save with C order)");
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                try {
                    dims.add(Integer.parseInt(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
                } catch (NumberFormatException e) {
                    throw new IOException(name + ": bad shape (" + s.group(1) + ")");
                }
            }
        }
        return new Header(descr, dims.stream().mapToInt(Integer::intValue).toArray(), start + len);
    }

    /** Reads a whole file. */
    public static Array read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Header h = parseHeader(bytes, file.toString());
        int width = width(h.descr());
        long need = (long) h.dataOffset() + h.size() * width;
        if (bytes.length != need) {
            throw new IOException(file + ": expected " + need + " bytes for shape " + java.util.Arrays.toString(h.shape())
                    + " " + h.descr() + ", found " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(h.dataOffset());
        double[] data = new double[(int) h.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = switch (h.descr()) {
                case "<f8" -> b.getDouble();
                case "<f4" -> b.getFloat();
                case "<i8" -> b.getLong();
                case "<i4" -> b.getInt();
                case "<u4" -> b.getInt() & 0xFFFFFFFFL;
                case "<i2" -> b.getShort();
                case "<u2" -> b.getShort() & 0xFFFF;
                case "|i1" -> b.get();
                default -> b.get() & 0xFF;
            };
        }
        return new Array(h.descr(), h.shape(), data);
    }

    /** The bytes per element of a readable dtype, 0 for one this class does not read. */
    private static int width(String descr) {
        return switch (descr) {
            case "<f8", "<i8" -> 8;
            case "<f4", "<i4", "<u4" -> 4;
            case "<i2", "<u2" -> 2;
            case "|i1", "|u1" -> 1;
            default -> 0;
        };
    }
}
