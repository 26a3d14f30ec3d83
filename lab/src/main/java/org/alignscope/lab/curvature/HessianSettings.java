package org.alignscope.lab.curvature;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.nn.Loss;
import org.alignscope.nn.OperatorKind;
import org.alignscope.nn.Precision;

/**
 * Everything that defines an {@code alignscope hessian} run. Exactly one of {@code modelSpec} and
 * {@code checkpoint} is set; {@code loss} and {@code precision} may be {@code null} (then: the checkpoint's, or
 * MSE and f64 for a new model).
 *
 * @param modelSpec     model spec (e.g. {@code mlp:784-200-200-10:tanh}), or null with a checkpoint
 * @param checkpoint    checkpoint folder ({@code index.json} + {@code .npy} files), or null
 * @param seed          seed of the initialisation (new model only) and of the Lanczos start and probe streams
 * @param initScale     factor on PyTorch's default initialisation (new model only)
 * @param loss          {@code ce} or {@code mse}, or null for the default
 * @param precision     {@code f64} or {@code f32}, or null for the default
 * @param data          {@code fashion-mnist}, {@code synthetic} or {@code csv:PATH}
 * @param dataPath      the Fashion-MNIST folder, or null for Debian's
 * @param labelColumn   the label column of a CSV file
 * @param dataSeed      seed of the synthetic Gaussian mixture
 * @param n             size of the class-balanced reference subset (a multiple of the class count)
 * @param k             number of top eigenpairs
 * @param tolerance     Lanczos tolerance relative to |λ_1|
 * @param maxHvps       most operator products per Lanczos solve (0: 50k + 500)
 * @param negative      number of most negative eigenpairs (0: none)
 * @param trace         whether to estimate the trace (Hutchinson and Hutch++)
 * @param traceHvps     products per trace estimator
 * @param density       whether to estimate the spectral density (SLQ)
 * @param densityProbes SLQ probe vectors
 * @param densitySteps  Lanczos steps per SLQ probe
 * @param operator      Hessian or Gauss–Newton
 * @param block         the parameter tensors whose diagonal block of the operator to analyse (comma-separated
 *                      names such as {@code 0.weight} or module indices such as {@code 2}, see
 *                      {@code ParameterBlock}), or null for all parameters
 * @param batch         chunk size of the operator over the reference set (0: all at once)
 * @param threads       parts each batch (or chunk) is split into and evaluated concurrently (see
 *                      {@code Model.setThreads}); 1 for none
 * @param out           output folder
 */
public record HessianSettings(String modelSpec, Path checkpoint, long seed, double initScale, Loss loss,
                              Precision precision, String data, Path dataPath, String labelColumn, long dataSeed,
                              int n, int k, double tolerance, int maxHvps, int negative, boolean trace,
                              int traceHvps, boolean density, int densityProbes, int densitySteps,
                              OperatorKind operator, String block, int batch, int threads, Path out) {

    /** Separation and noise of the synthetic mixture (see {@code GaussianMixture}). */
    public static final double SYNTHETIC_SEPARATION = 3.0;
    public static final double SYNTHETIC_NOISE = 1.0;

    /** The most products per solve when {@code maxHvps} is 0. */
    public int effectiveMaxHvps(int pairs) {
        return maxHvps > 0 ? maxHvps : 50 * pairs + 500;
    }

    /**
     * Checks everything that does not need the data or the model; each message starts with the option it is
     * about.
     *
     * @throws IllegalArgumentException on the first invalid value
     */
    public void validate() {
        if ((modelSpec == null) == (checkpoint == null)) {
            throw new IllegalArgumentException(modelSpec == null
                    ? "--model: give a model spec (e.g. mlp:784-200-200-10:tanh) or --checkpoint DIR"
                    : "--checkpoint: give either --model or --checkpoint, not both");
        }
        if (checkpoint != null && initScale != 1.0) {
            throw new IllegalArgumentException("--init-scale: applies to a new --model only, not to --checkpoint");
        }
        if (!(initScale > 0) || !Double.isFinite(initScale)) {
            throw new IllegalArgumentException("--init-scale: must be a finite number > 0 (got " + initScale + ")");
        }
        if (data == null || !(data.equals("fashion-mnist") || data.equals("synthetic") || data.startsWith("csv:"))) {
            throw new IllegalArgumentException("--data: must be fashion-mnist, synthetic or csv:PATH (got '" + data
                    + "')");
        }
        if (data.startsWith("csv:") && data.length() == 4) {
            throw new IllegalArgumentException("--data: csv: needs a file, e.g. csv:mydata.csv");
        }
        if (dataPath != null && !data.equals("fashion-mnist")) {
            throw new IllegalArgumentException("--data-path: applies to --data fashion-mnist only");
        }
        if (n < 1) {
            throw new IllegalArgumentException("--n: must be >= 1 (got " + n + ")");
        }
        if (k < 1) {
            throw new IllegalArgumentException("--k: must be >= 1 (got " + k + ")");
        }
        if (!(tolerance > 0) || !(tolerance < 1)) {
            throw new IllegalArgumentException("--tol: must be in (0, 1) (got " + tolerance + ")");
        }
        if (maxHvps < 0) {
            throw new IllegalArgumentException("--max-hvps: must be >= 2k (got " + maxHvps + ")");
        }
        if (maxHvps > 0 && maxHvps < 2 * Math.max(k, negative)) {
            throw new IllegalArgumentException("--max-hvps: must be at least 2k = " + 2 * Math.max(k, negative)
                    + " (k to build the Krylov space, k to certify the pairs), got " + maxHvps);
        }
        if (negative < 0) {
            throw new IllegalArgumentException("--negative: must be >= 0 (got " + negative + ")");
        }
        if (trace && traceHvps < 6) {
            throw new IllegalArgumentException("--trace-hvps: must be >= 6 (got " + traceHvps + ")");
        }
        if (density && densityProbes < 1) {
            throw new IllegalArgumentException("--density-probes: must be >= 1 (got " + densityProbes + ")");
        }
        if (density && densitySteps < 2) {
            throw new IllegalArgumentException("--density-steps: must be >= 2 (got " + densitySteps + ")");
        }
        if (block != null && block.isBlank()) {
            throw new IllegalArgumentException("--block: give tensor names or module indices, e.g. 0.weight or 2");
        }
        if (batch < 0) {
            throw new IllegalArgumentException("--batch: must be >= 1, or 0 for the whole set (got " + batch + ")");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("--threads: must be in 1..64 (got " + threads + ")");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out: an output folder is required");
        }
    }

    /** The settings as a manifest map (every field, in declaration order). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", modelSpec);
        m.put("checkpoint", checkpoint == null ? null : checkpoint.toString());
        m.put("seed", seed);
        m.put("init_scale", initScale);
        m.put("loss", loss == null ? null : loss.label());
        m.put("precision", precision == null ? null : precision.label());
        m.put("data", data);
        m.put("data_path", dataPath == null ? null : dataPath.toString());
        m.put("label_column", labelColumn);
        m.put("data_seed", dataSeed);
        m.put("n", n);
        m.put("k", k);
        m.put("tol", tolerance);
        m.put("max_hvps", maxHvps);
        m.put("negative", negative);
        m.put("trace", trace);
        m.put("trace_hvps", traceHvps);
        m.put("density", density);
        m.put("density_probes", densityProbes);
        m.put("density_steps", densitySteps);
        m.put("operator", operator.label());
        m.put("block", block);
        m.put("batch", batch);
        m.put("threads", threads);
        m.put("out", out.toString());
        return m;
    }

    /** Defaults for a new model (tests and callers adjust with the {@code with...} methods). */
    public static HessianSettings defaults(String modelSpec, Path out) {
        return new HessianSettings(modelSpec, null, 1, 1.0, null, null, "fashion-mnist", null, "label", 1, 5000, 10,
                1e-6, 0, 0, false, 99, false, 1, 90, OperatorKind.HESSIAN, null, 0, 1, out);
    }

    public HessianSettings withModel(String spec, Path checkpointDir) {
        return new HessianSettings(spec, checkpointDir, seed, initScale, loss, precision, data, dataPath, labelColumn,
                dataSeed, n, k, tolerance, maxHvps, negative, trace, traceHvps, density, densityProbes, densitySteps,
                operator, block, batch, threads, out);
    }

    public HessianSettings withData(String source, int samples) {
        return new HessianSettings(modelSpec, checkpoint, seed, initScale, loss, precision, source, dataPath,
                labelColumn, dataSeed, samples, k, tolerance, maxHvps, negative, trace, traceHvps, density,
                densityProbes, densitySteps, operator, block, batch, threads, out);
    }

    public HessianSettings withLoss(Loss l) {
        return new HessianSettings(modelSpec, checkpoint, seed, initScale, l, precision, data, dataPath, labelColumn,
                dataSeed, n, k, tolerance, maxHvps, negative, trace, traceHvps, density, densityProbes, densitySteps,
                operator, block, batch, threads, out);
    }

    public HessianSettings withK(int pairs, int negativePairs) {
        return new HessianSettings(modelSpec, checkpoint, seed, initScale, loss, precision, data, dataPath,
                labelColumn, dataSeed, n, pairs, tolerance, maxHvps, negativePairs, trace, traceHvps, density,
                densityProbes, densitySteps, operator, block, batch, threads, out);
    }

    public HessianSettings withExtras(boolean withTrace, boolean withDensity, int slqSteps) {
        return new HessianSettings(modelSpec, checkpoint, seed, initScale, loss, precision, data, dataPath,
                labelColumn, dataSeed, n, k, tolerance, maxHvps, negative, withTrace, traceHvps, withDensity,
                densityProbes, slqSteps, operator, block, batch, threads, out);
    }

    public HessianSettings withOperator(OperatorKind op, int chunk) {
        return new HessianSettings(modelSpec, checkpoint, seed, initScale, loss, precision, data, dataPath,
                labelColumn, dataSeed, n, k, tolerance, maxHvps, negative, trace, traceHvps, density, densityProbes,
                densitySteps, op, block, chunk, threads, out);
    }

    public HessianSettings withBlock(String selection) {
        return new HessianSettings(modelSpec, checkpoint, seed, initScale, loss, precision, data, dataPath,
                labelColumn, dataSeed, n, k, tolerance, maxHvps, negative, trace, traceHvps, density, densityProbes,
                densitySteps, operator, selection, batch, threads, out);
    }

    public HessianSettings withThreads(int parts) {
        return new HessianSettings(modelSpec, checkpoint, seed, initScale, loss, precision, data, dataPath,
                labelColumn, dataSeed, n, k, tolerance, maxHvps, negative, trace, traceHvps, density, densityProbes,
                densitySteps, operator, block, batch, parts, out);
    }

    public HessianSettings withOut(Path folder) {
        return new HessianSettings(modelSpec, checkpoint, seed, initScale, loss, precision, data, dataPath,
                labelColumn, dataSeed, n, k, tolerance, maxHvps, negative, trace, traceHvps, density, densityProbes,
                densitySteps, operator, block, batch, threads, folder);
    }
}
