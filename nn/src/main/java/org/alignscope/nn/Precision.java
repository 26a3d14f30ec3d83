package org.alignscope.nn;

/**
 * The floating-point type a model computes in. The public API always exchanges {@code double[]}: a
 * {@link #F32} model keeps its master parameter vector in double, rounds it (and the input, and any direction
 * {@code v}) to float at the start of each call, runs every layer, activation and GEMM in float, and widens the
 * result. The loss itself (softmax, log-sum-exp, one-hot residual) is evaluated in double from the float
 * logits in both precisions.
 */
public enum Precision {
    /** IEEE binary64; NumPy dtype {@code <f8}. */
    F64("f64", "<f8", 8),
    /** IEEE binary32; NumPy dtype {@code <f4}. */
    F32("f32", "<f4", 4);

    private final String label;
    private final String numpyDescr;
    private final int bytes;

    Precision(String label, String numpyDescr, int bytes) {
        this.label = label;
        this.numpyDescr = numpyDescr;
        this.bytes = bytes;
    }

    /** The short name used in specs, checkpoints and command lines: {@code f64} or {@code f32}. */
    public String label() {
        return label;
    }

    /** The NumPy {@code descr} of a little-endian array of this type. */
    public String numpyDescr() {
        return numpyDescr;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Parses {@code f64}/{@code float64}/{@code double} or {@code f32}/{@code float32}/{@code float}. */
    public static Precision parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "f64": case "float64": case "double": return F64;
            case "f32": case "float32": case "float": return F32;
            default: throw new IllegalArgumentException("unknown precision '" + s + "': expected f64 or f32");
        }
    }
}
