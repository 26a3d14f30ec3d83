package org.alignscope.settings;

import java.util.function.Function;

/**
 * One setting, declared once: its key, type (with the allowed values), default and one-line meaning, and the unit of
 * its value where it has one. A schema ({@link Schema}) groups settings; its place decides how an error names the
 * setting: {@code --init-scale} for a command's option, {@code model.init_scale} for a key of a YAML section.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> implements SchemaEntry {
    private final String key;
    private final SettingType<T> type;
    private final Fallback<T> fallback;
    private final String meaning;
    private final String unit;
    private Schema home;

    private Setting(String key, SettingType<T> type, Fallback<T> fallback, String meaning, String unit) {
        if (!key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalStateException("setting key '" + key + "' is not lower_snake_case");
        }
        this.key = key;
        this.type = type;
        this.fallback = fallback;
        this.meaning = meaning;
        this.unit = unit;
    }

    /** A setting with a constant default. */
    public static <T> Setting<T> of(String key, SettingType<T> type, T byDefault, String meaning) {
        return new Setting<>(key, type, new Fallback<>(byDefault == null ? "none" : type.format(byDefault),
                v -> byDefault), meaning, null);
    }

    /** A setting whose default derives from settings declared before it; {@code rule} says how, for the reference. */
    public static <T> Setting<T> derived(String key, SettingType<T> type, String rule, Function<Values, T> byDefault,
                                         String meaning) {
        return new Setting<>(key, type, new Fallback<>(rule, byDefault), meaning, null);
    }

    /** A setting that is {@code null} when not given; {@code absent} says what that means ({@code all parameters}). */
    public static <T> Setting<T> optional(String key, SettingType<T> type, String absent, String meaning) {
        return new Setting<>(key, type, new Fallback<>(absent, v -> null), meaning, null);
    }

    /** A setting the user must give. */
    public static <T> Setting<T> required(String key, SettingType<T> type, String meaning) {
        return new Setting<>(key, type, new Fallback<>("required", null), meaning, null);
    }

    /** The same setting with the unit of its value ({@code samples}, {@code HVPs}, {@code steps}). */
    public Setting<T> in(String valueUnit) {
        return new Setting<>(key, type, fallback, meaning, valueUnit);
    }

    @Override
    public String key() {
        return key;
    }

    public SettingType<T> type() {
        return type;
    }

    public Fallback<T> fallback() {
        return fallback;
    }

    public String meaning() {
        return meaning;
    }

    /** The unit of the value, or null. */
    public String unit() {
        return unit;
    }

    /** The name of the command-line option: {@code init_scale} → {@code --init-scale}. */
    public String option() {
        return "--" + key.replace('_', '-');
    }

    /** The setting as an error names it: its option, or its dotted key in the YAML file. */
    public String label() {
        if (home == null) {
            throw new IllegalStateException("setting '" + key + "' belongs to no schema");
        }
        return home.label(this, home.path());
    }

    /** Bad input for this setting: {@code LABEL: DETAIL} (exit code 2). */
    public SettingError invalid(String detail) {
        return new SettingError(label(), detail);
    }

    /**
     * Runs work that reads this setting's value (a file it names, a folder it points to): a bad-input error that does
     * not yet name a setting is reported against this one ({@code --resume: DIR holds no checkpoint}).
     */
    public <R> R reading(java.util.function.Supplier<R> work) {
        try {
            return work.get();
        } catch (SettingError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** As {@link #reading(java.util.function.Supplier)}, for a check that returns nothing. */
    public void reading(Runnable check) {
        reading(() -> {
            check.run();
            return null;
        });
    }

    void joinSchema(Schema schema) {
        if (home != null && home.place() != schema.place()) {
            throw new IllegalStateException("setting '" + key + "' is both an option and a file key");
        }
        if (home == null) {
            home = schema;
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
