package org.alignscope.cli.hashes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A copy of a training preset with fewer seeds, steps and samples, so that its run fits the default test suite:
 * the preset's YAML with {@link #OVERRIDES} set, every other key (network, loss, optimizer, arms, monitor
 * settings) unchanged, so a change to the preset moves the reduced copy's results as well. The cadences are
 * scaled with the steps so that the reduced run still refreshes the bases, checks and takes the switch, evaluates
 * and checkpoints.
 */
final class ReducedPreset {
    /** Dotted key → value written over the preset's (only where the preset has that section). */
    static final Map<String, Object> OVERRIDES = Map.ofEntries(
            Map.entry("seeds", new long[] {1}),
            Map.entry("data.train_samples", 100),
            Map.entry("data.test_samples", 500),
            Map.entry("training.steps", 40),
            Map.entry("subspace.refresh_every", 20),
            Map.entry("switch.check_every", 10),
            Map.entry("switch.fallback_step", 20),
            Map.entry("logging.eval_every", 10),
            Map.entry("logging.checkpoint_every", 20),
            Map.entry("monitor.every", 20),
            Map.entry("monitor.k", 4),
            Map.entry("monitor.samples", 8));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ReducedPreset() {
    }

    /** Writes the reduced copy of {@code preset} to {@code target} and returns {@code target}. */
    static Path write(Path preset, Path target) throws IOException {
        ObjectNode root = (ObjectNode) YAML.readTree(preset.toFile());
        root.put("name", root.path("name").asText() + "-reduced");
        OVERRIDES.forEach((key, value) -> {
            int dot = key.indexOf('.');
            JsonNode section = dot < 0 ? root : root.path(key.substring(0, dot));
            if (section instanceof ObjectNode object) {
                object.set(key.substring(dot + 1), YAML.valueToTree(value));
            }
        });
        YAML.writeValue(target.toFile(), root);
        return target;
    }
}
