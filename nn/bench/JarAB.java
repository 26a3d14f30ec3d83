import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Random;

/**
 * Old jar against new jar in one JVM (docs/results/hvp-performance.md): on this shared machine the speed of the
 * host drifts by 1.5x within a minute, so two builds of AlignScope are best compared call by call in one process.
 * Each jar gets its own class loader and its own model (same spec, seed, batch and direction); the HVPs of the two
 * alternate (A B, then B A), and each round prints the medians of 21 calls of each and their ratio B / A. The largest
 * difference between the two results is printed first, so that a kernel change that alters the numbers shows.
 *
 * <pre>
 * ./alignscope --version                       # builds cli/target/alignscope.jar; copy it away, change, build again
 * OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 java nn/bench/JarAB.java OLD.jar NEW.jar \
 *     [spec mlp:784-128-128-10:tanh] [batch 1000] [threads 2] [rounds 9] [precision f64|f32]
 * </pre>
 * Cross-entropy, PyTorch's initialisation with seed 1, inputs uniform in [0, 1), labels cycling.
 */
public final class JarAB {
    private JarAB() {
    }

    /** One jar's model, batch and direction, and the HVP as a Runnable writing into {@code out}. */
    private record Side(Runnable hvp, double[] out) {
        static Side of(String jar, String spec, int n, int threads, String precision) throws Exception {
            ClassLoader cl = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> lossType = cl.loadClass("org.alignscope.nn.Loss");
            Class<?> precisionType = cl.loadClass("org.alignscope.nn.Precision");
            Class<?> modelType = cl.loadClass("org.alignscope.nn.Model");
            Class<?> batchType = cl.loadClass("org.alignscope.nn.Batch");
            Object model = cl.loadClass("org.alignscope.nn.Models")
                    .getMethod("create", String.class, lossType, precisionType, long.class, double.class)
                    .invoke(null, spec, constant(lossType, "CROSS_ENTROPY"), constant(precisionType, precision), 1L, 1.0);
            modelType.getMethod("setThreads", int.class).invoke(model, threads);
            int inputs = (int) modelType.getMethod("inputSize").invoke(model);
            int classes = (int) modelType.getMethod("outputSize").invoke(model);
            int p = (int) modelType.getMethod("parameterCount").invoke(model);
            Random r = new Random(3);
            double[] x = new double[n * inputs];
            Arrays.setAll(x, i -> r.nextDouble());
            int[] y = new int[n];
            Arrays.setAll(y, i -> i % classes);
            Object batch = batchType.getConstructor(double[].class, int[].class, int.class).newInstance(x, y, n);
            double[] v = new double[p];
            Arrays.setAll(v, i -> r.nextGaussian());
            double[] out = new double[p];
            Method hvp = modelType.getMethod("hvp", batchType, double[].class, double[].class);
            return new Side(() -> {
                try {
                    hvp.invoke(model, batch, v, out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }, out);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object constant(Class<?> type, String name) {
            return Enum.valueOf((Class) type, name);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java nn/bench/JarAB.java OLD.jar NEW.jar [spec] [batch] [threads] [rounds] "
                    + "[f64|f32]");
            System.exit(2);
        }
        String spec = args.length > 2 ? args[2] : "mlp:784-128-128-10:tanh";
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 9;
        String precision = args.length > 6 ? args[6].toUpperCase(java.util.Locale.ROOT) : "F64";
        Side[] side = {Side.of(args[0], spec, n, threads, precision), Side.of(args[1], spec, n, threads, precision)};
        side[0].hvp().run();
        side[1].hvp().run();
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < side[0].out().length; i++) {
            diff = Math.max(diff, Math.abs(side[0].out()[i] - side[1].out()[i]));
            scale = Math.max(scale, Math.abs(side[0].out()[i]));
        }
        System.out.printf("%s %s, batch %d, %d thread(s): max |HVP_B - HVP_A| = %.3g (max |HVP_A| = %.3g)%n", spec,
                precision.toLowerCase(java.util.Locale.ROOT), n, threads, diff, scale);
        for (int w = 0; w < 30; w++) {
            side[0].hvp().run();
            side[1].hvp().run();
        }
        double[] ratio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double[][] ms = new double[2][21];
            for (int i = 0; i < 21; i++) {
                for (int k = 0; k < 2; k++) {
                    int s = i % 2 == 0 ? k : 1 - k;
                    long t0 = System.nanoTime();
                    side[s].hvp().run();
                    ms[s][i] = (System.nanoTime() - t0) * 1e-6;
                }
            }
            Arrays.sort(ms[0]);
            Arrays.sort(ms[1]);
            ratio[round] = ms[1][10] / ms[0][10];
            System.out.printf("round %d: A %.2f ms, B %.2f ms, B/A %.3f%n", round + 1, ms[0][10], ms[1][10],
                    ratio[round]);
        }
        Arrays.sort(ratio);
        System.out.printf("B/A: median %.3f, range %.3f-%.3f over %d rounds%n", ratio[rounds / 2], ratio[0],
                ratio[rounds - 1], rounds);
        System.exit(0);
    }
}
