package org.alignscope.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.io.IoFailure;
import org.alignscope.io.YamlTree;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Values;

/**
 * Reads a YAML experiment into a {@link TrainConfig}: each section through its schema ({@link TrainSchema} and the
 * section classes it lists declare every key once), in the order their defaults and ranges depend on each other,
 * then each section's record with the rules between keys. Every error is an {@link IllegalArgumentException} whose
 * message starts with the dotted key ({@code optimizer.lr}, {@code arms[2].projection}) and names the allowed keys
 * or values, e.g. {@code optimizer.lrr: unknown key; allowed: name, lr, ...}; a key given twice is an error naming
 * both lines ({@link YamlTree}).
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    /** Reads a config file; one that cannot be read is an {@link IoFailure}. */
    public static TrainConfig read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw IoFailure.of("read", file, e);
        }
    }

    /** Reads a config's text; {@code source} (the file name) starts the errors about its YAML. */
    public static TrainConfig parse(String yaml, String source) {
        return of(YamlTree.parse(yaml, source), source);
    }

    /** Reads a config's YAML tree, e.g. from {@link YamlTree#read}. */
    public static TrainConfig of(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": the top level must be a mapping of keys");
        }
        Values top = TrainSchema.FILE.read(root, null);
        TrainConfig.Data data = DataSection.from(section(root, DataSection.SCHEMA, top));
        TrainConfig.ModelSettings model = ModelSection.from(section(root, ModelSection.SCHEMA, top));
        Values optimizer = section(root, OptimizerSection.SCHEMA, top);
        Values training = section(root, TrainingSection.SCHEMA, top);
        LrMultiplier schedule = ScheduleSection.from(section(root.path(OptimizerSection.SCHEMA.key()),
                ScheduleSection.SCHEMA, optimizer));
        TrainConfig.SubspaceSettings subspace = SubspaceSection.from(section(root, SubspaceSection.SCHEMA, top));
        TrainConfig.Switch switching = SwitchSection.from(section(root, SwitchSection.SCHEMA, top));
        List<TrainConfig.Arm> arms = ArmsSection.read(root.get(ArmsSection.SCHEMA.key()));
        TrainConfig.Logging logging = LoggingSection.from(section(root, LoggingSection.SCHEMA, top));
        JsonNode monitor = root.get(MonitorSection.SCHEMA.key());
        return new TrainConfig(top.get(TrainSchema.NAME), top.get(TrainSchema.SEEDS), data, model,
                OptimizerSection.from(optimizer, schedule), training.get(TrainingSection.STEPS),
                training.get(TrainingSection.BATCH_SIZE), training.get(TrainingSection.SAMPLER), subspace, switching,
                arms, logging,
                monitor == null || monitor.isNull() ? null
                        : MonitorSection.from(MonitorSection.SCHEMA.read(monitor, top), arms));
    }

    /** The values of one section under {@code parent}'s node, read after the sections {@code earlier} holds. */
    private static Values section(JsonNode parent, Schema schema, Values earlier) {
        return schema.read(parent.get(schema.key()), earlier);
    }
}
