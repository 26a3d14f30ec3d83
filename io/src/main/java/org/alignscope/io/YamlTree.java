package org.alignscope.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML file the user wrote (a training config, a sweep) into Jackson's tree, and refuses a key given twice
 * in one mapping, at any depth. Jackson alone keeps the last value without a word, so a second {@code optimizer:}
 * section would silently drop the first one's {@code lr}. SnakeYAML's node tree (the parser under Jackson's YAML
 * module) keeps where each key stands, so the error names both lines:
 * {@code config.yaml: duplicate key 'optimizer' (lines 3 and 9)}. The text is then parsed again by Jackson, so the
 * tree, its value types included, is exactly what Jackson alone would give. Every error is an
 * {@link IllegalArgumentException} with a one-line message (bad input: exit code 2), a syntax error's with its line
 * and column.
 */
public final class YamlTree {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlTree() {
    }

    /**
     * Reads and parses {@code file}; a file that cannot be read is reported against {@code option}, the option or
     * key that named it ({@code --config: cannot read FILE: REASON}).
     */
    public static JsonNode read(Path file, String option) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * Parses YAML text; {@code source} (the file name) starts every error. Returns Jackson's tree of the first
     * document, null for an empty text.
     */
    public static JsonNode parse(String yaml, String source) {
        try {
            Iterator<Node> documents = new Yaml(new LoaderOptions()).composeAll(new StringReader(yaml)).iterator();
            if (documents.hasNext()) {
                rejectDuplicateKeys(documents.next(), source, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getProblem()
                    + (at == null ? "" : " (line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ")"));
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Walks the node tree (once per node: an alias shares its anchor's node) and stops at the first repeated key. */
    private static void rejectDuplicateKeys(Node node, String source, Set<Node> visited) {
        if (node == null || !visited.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Integer> lines = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    int line = key.getStartMark().getLine() + 1;
                    Integer first = lines.putIfAbsent(key.getValue(), line);
                    if (first != null) {
                        throw new IllegalArgumentException(source + ": duplicate key '" + key.getValue() + "' ("
                                + (first == line ? "line " + line + ", twice" : "lines " + first + " and " + line)
                                + ")");
                    }
                }
                rejectDuplicateKeys(entry.getValueNode(), source, visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                rejectDuplicateKeys(item, source, visited);
            }
        }
    }
}
