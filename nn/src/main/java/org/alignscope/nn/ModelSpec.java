package org.alignscope.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model architecture parsed from a short spec string. Three forms (whitespace is not allowed):
 *
 * <pre>
 * spec    = mlp | cnn | lls
 * mlp     = "mlp:" INT ("-" INT)+ [":" act]       sizes input-hidden...-output
 * act     = "tanh" | "relu" | "gelu" | "linear"    applied after every hidden layer; the output layer is linear;
 *                                                  required when there is a hidden layer
 * cnn     = "cnn:" C "x" H "x" W ":" token ("-" token)*
 * token   = "c" O "k" K ["s" S] ["p" P]            Conv2d(in, O, K, stride S (default 1), padding P (default 0))
 *         | "max" K ["s" S]                        MaxPool2d(K, stride S (default K)), no padding
 *         | "avg" K ["s" S]                        AvgPool2d(K, stride S (default K)), no padding
 *         | "tanh" | "relu" | "gelu"               elementwise activation
 *         | "flat"                                 Flatten (optional: inserted before the first "d" on an image)
 *         | "d" N                                  Linear(in, N)
 * lls     = "lls:" D "-" K                         linear least-squares model f(x) = W x + b (MSE loss only)
 * INT, C, H, W, O, K, S, N, D = positive decimal integers; P = non-negative
 * </pre>
 *
 * Examples: {@code mlp:784-200-200-10:tanh}, {@code cnn:1x28x28:c16k3s1p1-relu-max2-c32k3p1-relu-max2-d10},
 * {@code lls:784-10}. The model's output is the last layer's output (flattened); its size is the number of
 * classes. Layers are numbered from 0 in order, including activation, pooling and (explicit or implicit)
 * flatten layers, exactly like the module indices of the equivalent PyTorch {@code nn.Sequential}, and tensors
 * are named {@code "<index>.weight"} and {@code "<index>.bias"}. Conv output size is
 * ⌊(H + 2P − K)/S⌋ + 1, pooling ⌊(H − K)/S⌋ + 1; each must be at least 1. Parse errors name the offending
 * token and its position.
 */
public final class ModelSpec {
    /** The family of a spec. */
    public enum Kind { MLP, CNN, LLS }

    /** One layer of the sequence. */
    public sealed interface Op permits Dense, Conv, Act, Pool, Flatten {
    }

    /** Linear(in, out). */
    public record Dense(int out) implements Op {
    }

    /** Conv2d(in, out, k, stride, pad). */
    public record Conv(int out, int k, int stride, int pad) implements Op {
    }

    /** Elementwise activation. */
    public record Act(Activation f) implements Op {
    }

    /** Max or average pooling, k × k windows. */
    public record Pool(boolean max, int k, int stride) implements Op {
    }

    /** Flatten. */
    public record Flatten() implements Op {
    }

    private static final Pattern CONV = Pattern.compile("c(\\d+)k(\\d+)(?:s(\\d+))?(?:p(\\d+))?");
    private static final Pattern POOL = Pattern.compile("(max|avg)(\\d+)(?:s(\\d+))?");
    private static final Pattern DENSE = Pattern.compile("d(\\d+)");
    private static final Pattern IMAGE = Pattern.compile("(\\d+)x(\\d+)x(\\d+)");
    private static final String TOKENS =
            "c<out>k<k>[s<stride>][p<pad>], max<k>[s<stride>], avg<k>[s<stride>], tanh, relu, gelu, flat or d<out>";

    private final String text;
    private final Kind kind;
    private final Shape input;
    private final List<Op> ops;
    private final List<Shape> shapes;

    private ModelSpec(String text, Kind kind, Shape input, List<Op> ops, List<Shape> shapes) {
        this.text = text;
        this.kind = kind;
        this.input = input;
        this.ops = List.copyOf(ops);
        this.shapes = List.copyOf(shapes);
        long count = exactParameterCount();
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model spec '" + text + "': " + count + " parameters; at most "
                    + Integer.MAX_VALUE + " fit one Java array");
        }
    }

    /** The spec string as given. */
    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    public Shape input() {
        return input;
    }

    /** The output shape; its size is the number of classes. */
    public Shape output() {
        return shapes.get(shapes.size() - 1);
    }

    /** The layers in order. */
    public List<Op> layers() {
        return ops;
    }

    /** The input shape of layer i; {@code shapeBefore(layers().size())} is the output. */
    public Shape shapeBefore(int i) {
        return shapes.get(i);
    }

    /** The total number of parameters (at most {@link Integer#MAX_VALUE}, checked when the spec is parsed). */
    public int parameterCount() {
        return (int) exactParameterCount();
    }

    /** The total number of parameters, without overflow (a spec's layer sizes can multiply past 2³¹). */
    private long exactParameterCount() {
        long total = 0;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            long fin = shapes.get(i).size();
            if (op instanceof Dense d) {
                total += (long) d.out() * fin + d.out();
            } else if (op instanceof Conv c) {
                total += (long) c.out() * shapes.get(i).channels() * c.k() * c.k() + c.out();
            }
        }
        return total;
    }

    /**
     * The values one sample produces across the layers: the sum of every layer's output size (what a forward
     * pass stores per sample; backward and second-order passes store as much again or more).
     */
    public long activationsPerSample() {
        long total = 0;
        for (int i = 1; i < shapes.size(); i++) {
            total += shapes.get(i).size();
        }
        return total;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Instantiates the layers on the given kernels, with parameter offsets assigned in order.
     *
     * <p>A ReLU directly followed by a max pool is built in the other order, pool then ReLU: the ReLU then touches
     * 1/k² of the elements (a quarter for 2×2 windows), and the two orders compute the same function and the same
     * derivatives. ReLU is monotone, so max<sub>w</sub> relu(z) = relu(max<sub>w</sub> z) exactly; the pool sends
     * its derivative to the window's first maximal element, which is the same element in both orders when the
     * maximum is positive, and when it is not, relu′ = 0 (z &gt; 0 strictly, see {@link Ops#positiveMask}) makes the
     * derivative zero in both (first and second order alike, as ReLU has no curvature; at most the sign of a zero
     * can differ). NaN inputs are the exception: a ReLU maps NaN to 0 but a pool keeps a NaN that comes first in
     * its window. Both layers keep their own module index, so tensor names are those of the spec.
     */
    <A> List<Layer<A>> build(Ops<A> kernels) {
        return build(kernels, true);
    }

    /** {@link #build(Ops)}; with {@code reorder} false strictly in the spec's order (the reference in tests). */
    <A> List<Layer<A>> build(Ops<A> kernels, boolean reorder) {
        List<Layer<A>> out = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < ops.size(); i++) {
            List<Layer<A>> built = reorder && reluBeforeMaxPool(i)
                    ? List.of(layer(kernels, i + 1, shapes.get(i), shapes.get(i + 2)),
                            layer(kernels, i, shapes.get(i + 2), shapes.get(i + 2)))
                    : List.of(layer(kernels, i, shapes.get(i), shapes.get(i + 1)));
            for (Layer<A> layer : built) {
                layer.offset = offset;
                offset += layer.parameterCount();
                out.add(layer);
            }
            i += built.size() - 1;
        }
        assignLayouts(out, kernels.precision());
        return out;
    }

    /**
     * In float64, a dense layer followed (past any activations) by another dense layer or by the loss writes its
     * output feature-major, and the layers after it read it so; everything else is sample-major. Then every product
     * of an MLP is a GEMM on the stored matrices as they are, with no transposition anywhere but of the n × classes
     * output at the loss (docs/results/hvp-performance.md, "Kernel choices"). Float32 stays sample-major: OpenBLAS's
     * sgemm was slower in that orientation on every shape measured (same page).
     */
    private static <A> void assignLayouts(List<Layer<A>> layers, Precision precision) {
        boolean featureMajor = false;
        for (int i = 0; i < layers.size(); i++) {
            Layer<A> layer = layers.get(i);
            layer.featureMajorIn = featureMajor;
            if (layer instanceof DenseLayer) {
                featureMajor = precision == Precision.F64 && nextIsDenseOrLoss(layers, i);
            } else if (!(layer instanceof ActivationLayer)) {
                featureMajor = false;
            }
            layer.featureMajorOut = featureMajor;
        }
    }

    /** Whether the first layer after i that is not an activation is a dense layer, or there is none. */
    private static <A> boolean nextIsDenseOrLoss(List<Layer<A>> layers, int i) {
        for (int j = i + 1; j < layers.size(); j++) {
            if (!(layers.get(j) instanceof ActivationLayer)) {
                return layers.get(j) instanceof DenseLayer;
            }
        }
        return true;
    }

    private boolean reluBeforeMaxPool(int i) {
        return i + 1 < ops.size() && ops.get(i) instanceof Act a && a.f() == Activation.RELU
                && ops.get(i + 1) instanceof Pool p && p.max();
    }

    /** Op i as a layer from {@code in} to {@code next}. */
    private <A> Layer<A> layer(Ops<A> kernels, int i, Shape in, Shape next) {
        Op op = ops.get(i);
        if (op instanceof Dense d) {
            return new DenseLayer<>(kernels, in, d.out(), i);
        } else if (op instanceof Conv c) {
            return new Conv2dLayer<>(kernels, in, c.out(), c.k(), c.stride(), c.pad(), next, i);
        } else if (op instanceof Act a) {
            return new ActivationLayer<>(kernels, in, a.f(), i);
        } else if (op instanceof Pool p) {
            return new PoolLayer<>(kernels, in, p.max(), p.k(), p.stride(), next, i);
        }
        return new FlattenLayer<>(kernels, in, i);
    }

    /**
     * Parses a spec.
     *
     * @throws IllegalArgumentException naming the bad token, its position and what was expected
     */
    public static ModelSpec parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            throw new IllegalArgumentException("empty model spec: expected mlp:..., cnn:... or lls:...");
        }
        int colon = spec.indexOf(':');
        String family = colon < 0 ? spec : spec.substring(0, colon);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        switch (family) {
            case "mlp": return parseMlp(spec, rest);
            case "cnn": return parseCnn(spec, rest);
            case "lls": return parseLls(spec, rest);
            default:
                throw new IllegalArgumentException("model spec '" + spec + "': unknown family '" + family
                        + "': expected mlp, cnn or lls");
        }
    }

    private static IllegalArgumentException error(String spec, String token, int position, String what) {
        return new IllegalArgumentException("model spec '" + spec + "': bad token '" + token + "' (token "
                + position + "): " + what);
    }

    private static int positive(String spec, String token, int position, String digits, String what) {
        int v;
        try {
            v = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error(spec, token, position, what + " must be a positive integer, got '" + digits + "'");
        }
        if (v <= 0) {
            throw error(spec, token, position, what + " must be positive, got " + v);
        }
        return v;
    }

    private static List<Integer> sizes(String spec, String body, String family) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("model spec '" + spec + "': missing layer sizes after '" + family
                    + ":'");
        }
        String[] parts = body.split("-", -1);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String t = parts[i];
            if (!t.matches("\\d+")) {
                throw error(spec, t, i + 1, "expected a layer size (positive integer)");
            }
            out.add(positive(spec, t, i + 1, t, "layer size"));
        }
        return out;
    }

    private static ModelSpec parseMlp(String spec, String rest) {
        String[] parts = rest.split(":", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("model spec '" + spec
                    + "': expected mlp:<in>-<hidden>...-<out>[:tanh|relu|gelu|linear]");
        }
        List<Integer> sizes = sizes(spec, parts[0], "mlp");
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("model spec '" + spec + "': an mlp needs at least input and output"
                    + " sizes, e.g. mlp:784-10");
        }
        Activation act = null;
        boolean linear = false;
        if (parts.length == 2) {
            String a = parts[1];
            act = Activation.fromToken(a);
            linear = a.equals("linear");
            if (act == null && !linear) {
                throw error(spec, a, sizes.size() + 1, "expected an activation: tanh, relu, gelu or linear");
            }
        } else if (sizes.size() > 2) {
            throw new IllegalArgumentException("model spec '" + spec + "': missing activation for the hidden"
                    + " layers: append :tanh, :relu, :gelu or :linear");
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 1; i < sizes.size(); i++) {
            ops.add(new Dense(sizes.get(i)));
            if (i < sizes.size() - 1 && act != null) {
                ops.add(new Act(act));
            }
        }
        Shape input = Shape.vector(sizes.get(0));
        return new ModelSpec(spec, Kind.MLP, input, ops, shapesOf(input, ops));
    }

    private static ModelSpec parseLls(String spec, String rest) {
        List<Integer> sizes = sizes(spec, rest, "lls");
        if (sizes.size() != 2) {
            throw new IllegalArgumentException("model spec '" + spec + "': expected lls:<in>-<out>");
        }
        List<Op> ops = List.of(new Dense(sizes.get(1)));
        Shape input = Shape.vector(sizes.get(0));
        return new ModelSpec(spec, Kind.LLS, input, ops, shapesOf(input, ops));
    }

    private static List<Shape> shapesOf(Shape input, List<Op> ops) {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(input);
        for (Op op : ops) {
            shapes.add(op instanceof Dense d ? Shape.vector(d.out()) : shapes.get(shapes.size() - 1));
        }
        return shapes;
    }

    private static ModelSpec parseCnn(String spec, String rest) {
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("model spec '" + spec + "': expected cnn:<C>x<H>x<W>:<layers>");
        }
        String head = rest.substring(0, colon);
        Matcher im = IMAGE.matcher(head);
        if (!im.matches()) {
            throw error(spec, head, 0, "expected the input shape <C>x<H>x<W>, e.g. 1x28x28");
        }
        Shape shape = Shape.image(positive(spec, head, 0, im.group(1), "channels"),
                positive(spec, head, 0, im.group(2), "height"), positive(spec, head, 0, im.group(3), "width"));
        Shape input = shape;
        String body = rest.substring(colon + 1);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("model spec '" + spec + "': no layers after the input shape");
        }
        String[] tokens = body.split("-", -1);
        List<Op> ops = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        shapes.add(shape);
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            int pos = i + 1;
            Matcher m;
            Op op;
            Shape next;
            if ((m = CONV.matcher(t)).matches()) {
                if (shape.flat()) {
                    throw error(spec, t, pos, "a convolution needs an image input, but the input here is flat ("
                            + shape + ")");
                }
                int o = positive(spec, t, pos, m.group(1), "output channels");
                int k = positive(spec, t, pos, m.group(2), "kernel size");
                int s = m.group(3) == null ? 1 : positive(spec, t, pos, m.group(3), "stride");
                int p = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                int oh = Math.floorDiv(shape.height() + 2 * p - k, s) + 1;
                int ow = Math.floorDiv(shape.width() + 2 * p - k, s) + 1;
                if (oh < 1 || ow < 1 || k > shape.height() + 2 * p || k > shape.width() + 2 * p) {
                    throw error(spec, t, pos, "kernel " + k + " does not fit the padded input " + shape);
                }
                op = new Conv(o, k, s, p);
                next = Shape.image(o, oh, ow);
            } else if ((m = POOL.matcher(t)).matches()) {
                if (shape.flat()) {
                    throw error(spec, t, pos, "pooling needs an image input, but the input here is flat (" + shape
                            + ")");
                }
                int k = positive(spec, t, pos, m.group(2), "pool size");
                int s = m.group(3) == null ? k : positive(spec, t, pos, m.group(3), "stride");
                if (k > shape.height() || k > shape.width()) {
                    throw error(spec, t, pos, "pool window " + k + " is larger than the input " + shape);
                }
                op = new Pool(m.group(1).equals("max"), k, s);
                next = Shape.image(shape.channels(), (shape.height() - k) / s + 1, (shape.width() - k) / s + 1);
            } else if (Activation.fromToken(t) != null) {
                op = new Act(Activation.fromToken(t));
                next = shape;
            } else if (t.equals("flat")) {
                if (shape.flat()) {
                    throw error(spec, t, pos, "the input is already flat");
                }
                op = new Flatten();
                next = Shape.vector(shape.size());
            } else if ((m = DENSE.matcher(t)).matches()) {
                int o = positive(spec, t, pos, m.group(1), "output size");
                if (!shape.flat()) {
                    ops.add(new Flatten());
                    shape = Shape.vector(shape.size());
                    shapes.add(shape);
                }
                op = new Dense(o);
                next = Shape.vector(o);
            } else {
                throw error(spec, t, pos, "expected " + TOKENS);
            }
            ops.add(op);
            shapes.add(next);
            shape = next;
        }
        return new ModelSpec(spec, Kind.CNN, input, ops, shapes);
    }
}
