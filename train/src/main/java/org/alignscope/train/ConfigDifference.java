package org.alignscope.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.alignscope.io.YamlTree;

/**
 * The first key in which two YAML configs differ, as a dotted path ({@code optimizer.lr}, {@code arms[2].name}):
 * what a resume names when the run folder's {@code config.yaml} is not the one its checkpoint was written with.
 * Formatting and comments do not count; keys are compared in the order of the first config, then the second's
 * extra keys.
 */
final class ConfigDifference {
    private ConfigDifference() {
    }

    /**
     * The first differing key, or null when both texts say the same.
     *
     * @throws IllegalArgumentException when a text is not YAML (one line naming it)
     */
    static String between(String before, String after) {
        return first("", YamlTree.parse(before, "the checkpoint's config.yaml"), YamlTree.parse(after, "config.yaml"));
    }

    private static String first(String path, JsonNode a, JsonNode b) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            return path.isEmpty() ? "(the whole file)" : path;
        }
        if (a.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String d = first(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.isArray()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext() || ib.hasNext(); i++) {
                String d = first(path + "[" + i + "]", ia.hasNext() ? ia.next() : null, ib.hasNext() ? ib.next() : null);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return a.equals(b) ? null : path;
    }
}
