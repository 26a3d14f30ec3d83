package org.alignscope.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.curvature.ReferenceData;
import org.alignscope.curvature.SavedModel;
import org.alignscope.io.AtomicFile;
import org.alignscope.monitor.MonitorColumn;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.nn.Model;
import org.alignscope.report.Manifest;
import org.alignscope.report.html.ReportPage;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import org.alignscope.train.CheckpointMonitor;
import org.alignscope.train.ModelMonitor;
import org.alignscope.train.MonitorBridge;
import org.alignscope.train.Sampler;

/**
 * {@code alignscope monitor --model-checkpoint DIR --data SOURCE --eta η --batch-size B}: one evaluation of the
 * alignment monitor at a saved model on a reference set, with no training run ({@link ModelMonitor}: the reference
 * set stands for the training set, the noise is that of the sampler's next batch with no history). The model is
 * read as {@code alignscope hessian --checkpoint} reads it ({@link SavedModel}) and the reference set is chosen by
 * hessian's data options ({@link ReferenceData}). Writes into OUT what the checkpoint mode writes per trajectory:
 * monitor.csv/jsonl (one row), sensitivity.csv, eigen.csv, findings.txt, probe.csv with probes, and the manifest.
 * The settings only this mode reads are declared here, since its errors name them.
 */
final class MonitorAtModel {
    static final Setting<Path> MODEL_CHECKPOINT = Setting.optional("model_checkpoint", Types.path(), "none",
            "A saved model (a folder with index.json + one .npy per tensor, e.g. DIR/model/ of a hessian run) to"
                    + " evaluate the monitor at on the --data reference set; needs --data, --eta and --batch-size.");
    static final Setting<Integer> BATCH_SIZE = Setting.optional("batch_size", Types.integerFrom(1), "none",
            "With --model-checkpoint: B, the SGD mini-batch size whose noise the monitor models (at most the"
                    + " reference set's size).").in("samples");
    static final Setting<Sampler> SAMPLER = Setting.of("sampler", Types.oneOf(Sampler::label, Sampler.values()),
            Sampler.EPOCH, "With --model-checkpoint: the law of the next batch, epoch (an epoch at its start: B"
                    + " distinct samples of the reference set) or replacement (B samples drawn independently with"
                    + " replacement).");

    /** The settings that apply to this mode only. */
    static final List<Setting<?>> OWN = List.of(ReferenceData.DATA, ReferenceData.DATA_PATH,
            ReferenceData.LABEL_COLUMN, ReferenceData.DATA_SEED, ReferenceData.N, BATCH_SIZE, SAMPLER);

    private MonitorAtModel() {
    }

    /** Refuses a setting of this mode given without {@code --model-checkpoint}. */
    static void refuseOwnSettings(Values v) {
        for (Setting<?> s : OWN) {
            if (v.given(s)) {
                throw v.invalid(s, "applies to " + MODEL_CHECKPOINT.option() + " only");
            }
        }
    }

    /** Checks the settings, reads the model and the reference set, evaluates and writes {@code --out}. */
    static int run(Values v, OutputOwner owner) {
        long t0 = System.nanoTime();
        for (Setting<?> s : List.of(MonitorCommand.D, MonitorCommand.M, MonitorCommand.SIGMA)) {
            if (v.given(s)) {
                throw v.invalid(s, "applies to " + MonitorCommand.QUADRATIC.option() + " only, not to "
                        + MODEL_CHECKPOINT.option());
            }
        }
        String required = "required with " + MODEL_CHECKPOINT.option();
        if (!v.given(ReferenceData.DATA)) {
            throw v.invalid(ReferenceData.DATA, required + " (" + ReferenceData.SOURCES + ")");
        }
        if (!v.given(MonitorCommand.ETA)) {
            throw v.invalid(MonitorCommand.ETA, required + " (the SGD step size to evaluate)");
        }
        if (v.get(BATCH_SIZE) == null) {
            throw v.invalid(BATCH_SIZE, required + " (the SGD mini-batch size)");
        }
        ReferenceData.Source source = ReferenceData.Source.of(v);
        Model model = SavedModel.load(MODEL_CHECKPOINT, v.get(MODEL_CHECKPOINT));
        int k = v.get(MonitorCommand.K);
        int p = model.parameterCount();
        if (k >= p) {
            // lambda_{k+1} bounds the dominant block, so k stays below the parameter count
            throw v.invalid(MonitorCommand.K, k + " does not fit the model's " + p + " parameters; allowed: [1, "
                    + (p - 1) + "]");
        }
        ReferenceData data = ReferenceData.load(source, model.inputSize(), model.outputSize());
        int n = data.dataset().size();
        int batchSize = v.get(BATCH_SIZE);
        if (batchSize > n) {
            throw v.invalid(BATCH_SIZE, batchSize + " is larger than the reference set; allowed: [1, " + n + "]");
        }
        ModelMonitor monitor = new ModelMonitor(model, data.dataset(), batchSize, v.get(SAMPLER));
        long seed = v.get(MonitorCommand.SEED);
        CheckpointMonitor.Evaluation e = monitor.evaluate(options(v), v.get(MonitorCommand.ETA), seed,
                v.get(CheckpointMonitor.PROBE_STEPS));
        return owner.write(v.get(MonitorCommand.OUT), () -> write(v, owner, model, data, monitor, e, t0));
    }

    /** The monitor's settings: {@code --k}, {@code --samples}, {@code --tolerance}, the θ threshold, the seed. */
    static MonitorOptions options(Values v) {
        return MonitorOptions.of(v.get(MonitorCommand.K), v.get(MonitorCommand.SAMPLES))
                .withLanczosTolerance(v.get(MonitorCommand.TOLERANCE))
                .withThetaThreshold(v.get(MonitorCommand.THETA_THRESHOLD)).withSeed(v.get(MonitorCommand.SEED));
    }

    private static int write(Values v, OutputOwner owner, Model model, ReferenceData data, ModelMonitor monitor,
                             CheckpointMonitor.Evaluation e, long t0) {
        Path out = v.get(MonitorCommand.OUT);
        MonitorResult r = e.result();
        CheckpointMonitor.write(e, out);
        MonitorCommand.writeSensitivity(r, out.resolve("sensitivity.csv"));
        MonitorCommand.writeEigen(r, out.resolve("eigen.csv"));
        AtomicFile.writeString(out.resolve("findings.txt"), MonitorCommand.lines(MonitorBridge.findingLines(r)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Manifest manifest = new Manifest(owner.commandLine());
        v.describe().forEach(manifest::setting);
        Map<String, Object> modelInfo = new LinkedHashMap<>();
        modelInfo.put("spec", model.spec());
        modelInfo.put("parameters", model.parameterCount());
        modelInfo.put("loss", model.lossFunction().label());
        modelInfo.put("checkpoint", v.get(MODEL_CHECKPOINT).toString());
        manifest.put("model", modelInfo).put("precision", model.precision().label())
                .put("data", data.description()).put("noise_model", monitor.noiseModel())
                .put("seeds", List.of(e.seed())).put("step", r.step())
                .put("probe_steps", e.probe() == null ? 0 : e.probe().draws())
                .put("hvps_eigensolve", r.eigen().applications())
                .put("max_relative_residual", r.eigen().maxRelativeResidual())
                .put("elapsed_seconds", seconds).put("columns", Map.of("monitor", MonitorColumn.describe()))
                .complete().write(out);
        ReportPage.write(out);
        MonitorCommand.printHeader();
        MonitorCommand.print(e);
        System.out.println(String.format(java.util.Locale.ROOT, "wrote %s in %.1f s", out, seconds));
        return 0;
    }
}
