package org.alignscope.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resolved settings of one schema: each setting's value, given or defaulted, typed. A section's values see the
 * sections read before them ({@link #get} looks there too), so a default or a range may derive from them.
 */
public final class Values {
    private final Schema schema;
    private final String at;
    private final Values earlier;
    private final Map<Setting<?>, Object> own = new LinkedHashMap<>();
    private final Set<Setting<?>> given = new HashSet<>();
    private final List<Values> sections = new ArrayList<>();

    Values(Schema schema, String at, Values earlier) {
        this.schema = schema;
        this.at = at;
        this.earlier = earlier;
        if (earlier != null && !schema.listed()) {
            earlier.sections.add(this);
        }
    }

    public Schema schema() {
        return schema;
    }

    /** The value of a setting of this schema or of one read before. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        for (Values v = this; v != null; v = v.earlier) {
            Values holder = v.find(setting);
            if (holder != null) {
                return (T) holder.own.get(setting);
            }
        }
        throw new IllegalStateException("setting '" + setting.key() + "' is not resolved before '" + schema.key()
                + "'");
    }

    private Values find(Setting<?> setting) {
        if (own.containsKey(setting)) {
            return this;
        }
        for (Values s : sections) {
            Values v = s.find(setting);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * These values with one setting changed, as if the user had given it (null: as if not given): the defaults
     * derived from it follow, its range is checked.
     */
    public <T> Values with(Setting<T> setting, T value) {
        if (earlier != null) {
            throw new IllegalStateException("only a command's or a file's top-level values can be changed");
        }
        Map<Setting<?>, Object> typed = new LinkedHashMap<>();
        for (Setting<?> s : given) {
            typed.put(s, own.get(s));
        }
        typed.put(setting, value);
        return schema.of(typed, earlier);
    }

    /** Whether the user gave the setting (rather than it taking its default). */
    public boolean given(Setting<?> setting) {
        for (Values v = this; v != null; v = v.earlier) {
            Values holder = v.find(setting);
            if (holder != null) {
                return holder.given.contains(setting);
            }
        }
        return false;
    }

    /** The setting as an error names it here ({@code arms[2].a}, {@code --tol}). */
    public String label(Setting<?> setting) {
        return schema.label(setting, at);
    }

    /** Bad input for one of this schema's settings, found after reading (a rule between two settings). */
    public SettingError invalid(Setting<?> setting, String detail) {
        return new SettingError(label(setting), detail);
    }

    /** This schema's settings, key → value as a manifest records it (resolved defaults included), in order. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Setting<?> s : schema.settings()) {
            m.put(s.key(), describe(s));
        }
        return m;
    }

    private <T> Object describe(Setting<T> s) {
        T v = get(s);
        return v == null ? null : s.type().describe(v);
    }

    void put(Setting<?> setting, Object value, boolean byUser) {
        own.put(setting, value);
        if (byUser) {
            given.add(setting);
        }
    }
}
