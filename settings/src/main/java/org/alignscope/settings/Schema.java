package org.alignscope.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings of one command or one section of a YAML file, in the order the reference lists them and the reader
 * resolves them (a derived default or range end may use any setting before it, here or in a section read before).
 * A section may hold sections; those are read by the caller, one {@link #read} each, so that it decides their order
 * and what a missing one means.
 */
public final class Schema implements SchemaEntry {
    /** Where the user writes the settings: as a command's options, or as keys of a YAML file. */
    public enum Place { COMMAND_LINE, FILE }

    private final String key;
    private final Place place;
    private final String meaning;
    private final boolean listed;
    private final List<SchemaEntry> entries;
    private Schema parent;

    private Schema(String key, Place place, String meaning, boolean listed, List<SchemaEntry> entries) {
        this.key = key;
        this.place = place;
        this.meaning = meaning;
        this.listed = listed;
        this.entries = List.copyOf(entries);
        for (SchemaEntry e : this.entries) {
            if (e instanceof Setting<?> s) {
                s.joinSchema(this);
            } else if (e instanceof Schema section) {
                if (place != Place.FILE || section.place != Place.FILE || section.parent != null) {
                    throw new IllegalStateException("section '" + section.key + "' cannot go under '" + key + "'");
                }
                section.parent = this;
            }
        }
        if (entries.stream().map(SchemaEntry::key).distinct().count() != entries.size()) {
            throw new IllegalStateException("schema '" + key + "' declares a key twice");
        }
    }

    /** The options of a command ({@code hessian}, {@code quad run}). */
    public static Schema commandLine(String command, String meaning, SchemaEntry... settings) {
        return new Schema(command, Place.COMMAND_LINE, meaning, false, List.of(settings));
    }

    /** A mapping of a YAML file; {@code section} is its key, empty for the file's top level. */
    public static Schema file(String section, String meaning, SchemaEntry... entries) {
        return new Schema(section, Place.FILE, meaning, false, List.of(entries));
    }

    /** A list of mappings of a YAML file, each with these keys ({@code arms}). */
    public static Schema listOf(String section, String meaning, SchemaEntry... entries) {
        return new Schema(section, Place.FILE, meaning, true, List.of(entries));
    }

    /** This command's settings followed by more (a subcommand's own after the ones it shares). */
    public Schema with(String command, String commandMeaning, SchemaEntry... more) {
        List<SchemaEntry> all = new ArrayList<>(entries);
        all.addAll(List.of(more));
        return new Schema(command, place, commandMeaning, listed, all);
    }

    @Override
    public String key() {
        return key;
    }

    public Place place() {
        return place;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether the YAML file holds a list of such mappings. */
    public boolean listed() {
        return listed;
    }

    public List<SchemaEntry> entries() {
        return entries;
    }

    /** The settings, without the sections. */
    public List<Setting<?>> settings() {
        List<Setting<?>> out = new ArrayList<>();
        for (SchemaEntry e : entries) {
            if (e instanceof Setting<?> s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The sections directly under this one. */
    public List<Schema> sections() {
        List<Schema> out = new ArrayList<>();
        for (SchemaEntry e : entries) {
            if (e instanceof Schema s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The dotted path of a YAML section ({@code optimizer.schedule}); empty for the top level and for a command. */
    public String path() {
        if (place == Place.COMMAND_LINE || parent == null) {
            return key;
        }
        String up = parent.path();
        return up.isEmpty() ? key + (listed ? "[]" : "") : up + "." + key + (listed ? "[]" : "");
    }

    String label(Setting<?> s, String at) {
        if (place == Place.COMMAND_LINE) {
            return s.option();
        }
        return at.isEmpty() ? s.key() : at + "." + s.key();
    }

    /**
     * Reads this section from its node of a YAML tree (null or absent: every setting at its default) under the
     * values of the sections read before. Unknown keys, wrong types and out-of-range values are
     * {@link SettingError}s naming the dotted key and what is allowed.
     */
    public Values read(JsonNode node, Values earlier) {
        return read(node, path(), earlier);
    }

    /** Reads one mapping of a listed section, whose errors name it {@code arms[2].name}. */
    public Values readElement(JsonNode node, int index, Values earlier) {
        String at = (parent == null || parent.path().isEmpty() ? "" : parent.path() + ".") + key + "[" + index + "]";
        return read(node, at, earlier);
    }

    private Values read(JsonNode given, String at, Values earlier) {
        JsonNode node = given == null || given.isNull() || given.isMissingNode() ? null : given;
        String keys = entries.stream().map(SchemaEntry::key).collect(Collectors.joining(", "));
        if (node != null && !node.isObject()) {
            throw new SettingError(at.isEmpty() ? "config" : at, "must be a mapping with keys " + keys);
        }
        if (node != null) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (entries.stream().noneMatch(e -> e.key().equals(name))) {
                    throw new SettingError(at.isEmpty() ? name : at + "." + name, "unknown key; allowed: " + keys);
                }
            }
        }
        Values values = new Values(this, at, earlier);
        for (Setting<?> s : settings()) {
            JsonNode v = node == null ? null : node.get(s.key());
            resolve(values, s, v == null || v.isNull() ? null : new Given.Yaml(v));
        }
        return values;
    }

    /**
     * Resolves settings written as text (command-line options, by key); settings not in the map take their
     * defaults.
     */
    public Values parse(Map<String, String> texts, Values earlier) {
        Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
        texts.forEach((k, t) -> lists.put(k, List.of(t)));
        return parseRepeated(lists, earlier);
    }

    /**
     * As {@link #parse}, each setting given as the texts of its option in the order the command line repeats it
     * (a setting whose type is not {@link SettingType#repeatable} takes one).
     */
    public Values parseRepeated(Map<String, List<String>> texts, Values earlier) {
        Values values = new Values(this, key, earlier);
        for (Setting<?> s : settings()) {
            List<String> t = texts.get(s.key());
            resolve(values, s, t == null ? null : new Given.Text(t));
        }
        return values;
    }

    /** Resolves settings given as typed values (a library caller's); the others take their defaults. */
    public Values of(Map<Setting<?>, ?> given, Values earlier) {
        for (Setting<?> s : given.keySet()) {
            if (!settings().contains(s)) {
                throw new IllegalArgumentException("'" + s.key() + "' is not a setting of " + key);
            }
        }
        Values values = new Values(this, key, earlier);
        for (Setting<?> s : settings()) {
            Object v = given.get(s);
            resolve(values, s, v == null ? null : new Given.Typed(v));
        }
        return values;
    }

    private static <T> void resolve(Values values, Setting<T> s, Given given) {
        String label = values.label(s);
        if (given == null) {
            if (s.fallback().required()) {
                throw new SettingError(label, "required; allowed: " + s.type().allowed());
            }
            values.put(s, s.fallback().value().apply(values), false);
            return;
        }
        T value;
        try {
            value = given.value(s.type());
            s.type().check(value, given.written(), values);
        } catch (SettingError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingError(label, e.getMessage());
        }
        values.put(s, value, true);
    }

    /** A value as the user gave it. */
    private sealed interface Given {
        <T> T value(SettingType<T> type);

        String written();

        record Yaml(JsonNode node) implements Given {
            @Override
            public <T> T value(SettingType<T> type) {
                return type.read(node);
            }

            @Override
            public String written() {
                return node.asText();
            }
        }

        record Text(List<String> texts) implements Given {
            @Override
            public <T> T value(SettingType<T> type) {
                return type.parse(texts);
            }

            @Override
            public String written() {
                return String.join(", ", texts);
            }
        }

        record Typed(Object value) implements Given {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T value(SettingType<T> type) {
                T typed = (T) value;
                type.validate(typed);
                return typed;
            }

            @Override
            public String written() {
                return String.valueOf(value);
            }
        }
    }
}
