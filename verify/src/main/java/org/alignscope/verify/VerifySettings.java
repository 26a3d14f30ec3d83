package org.alignscope.verify;

import java.nio.file.Path;
import java.util.Map;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/**
 * Everything that defines an {@code alignscope quad verify} run, declared once in {@link #SCHEMA}: the command's
 * options, their checks and the manifest's settings come from it.
 */
public final class VerifySettings {
    public static final Setting<Path> OUT = Setting.of("out", Types.path(), Path.of("runs/quad-verify"),
            "Output folder.");
    public static final Setting<Long> SEED = Setting.of("seed", Types.anyLong(), 42L,
            "Seed of all random instances.");
    public static final Setting<Boolean> THOROUGH = Setting.of("thorough", Types.flag(), false,
            "Ten times the instances and five times the Monte Carlo draws.");
    public static final Setting<Integer> INSTANCES = Setting.derived("instances", Types.integerFrom(1),
            Budget.DEFAULT_INSTANCES + "; " + Budget.instancesFor(true) + " with " + THOROUGH.option(),
            v -> Budget.instancesFor(v.get(THOROUGH)), "Random instances per deterministic claim.");
    public static final Setting<Integer> THREADS = Setting.derived("threads", Types.integerFrom(1),
            "the number of cores", v -> Runtime.getRuntime().availableProcessors(),
            "Worker threads; results do not depend on it.");
    public static final Setting<Path> REPLAY = Setting.optional("replay", Types.path(), "none (check every claim)",
            "Recompute the instance in this file and print one line; exit 0 (holds) or 1 (violated).");

    public static final Schema SCHEMA = Schema.commandLine("quad verify", "Check the paper's twenty claims"
            + " numerically; " + REPLAY.option() + " FILE recomputes one saved instance.", OUT, SEED, THOROUGH,
            INSTANCES, THREADS, REPLAY);

    private final Values values;

    private VerifySettings(Values values) {
        this.values = values;
    }

    /** Settings resolved by {@link #SCHEMA}. */
    public static VerifySettings of(Values values) {
        if (values.schema() != SCHEMA) {
            throw new IllegalArgumentException("not the settings of alignscope quad verify");
        }
        return new VerifySettings(values);
    }

    /** Settings given as typed values, the others at their defaults (for callers in code). */
    public static VerifySettings of(Map<Setting<?>, ?> given) {
        return of(SCHEMA.of(given, null));
    }

    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** Whether the user gave the setting (rather than it taking its default). */
    public boolean given(Setting<?> setting) {
        return values.given(setting);
    }

    /** The search effort these settings ask for. */
    public Budget budget() {
        return new Budget(get(INSTANCES), get(THOROUGH));
    }

    /** The settings as a manifest map (every setting, resolved, in the schema's order). */
    public Map<String, Object> describe() {
        return values.describe();
    }
}
