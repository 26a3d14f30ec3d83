package org.alignscope.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.SettingError;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/** The {@code arms:} list: the paired arms that branch off at the switch and see the same mini-batches. */
final class ArmsSection {
    private static final String NAME_CHARACTERS = "letters, digits, _ . -";

    static final Setting<String> NAME = Setting.required("name", Types.text(NAME_CHARACTERS), "Folder name of the"
            + " arm; unique.");
    static final Setting<ArmProjection.Kind> PROJECTION = Setting.required("projection", Types.choice(
            w -> ArmProjection.Kind.valueOf(w.toUpperCase(Locale.ROOT)), k -> k.name().toLowerCase(Locale.ROOT),
            ArmProjection.KINDS.toArray(String[]::new)), "What the arm keeps of each step v: none (plain), dom (P_D v),"
            + " bulk (P_B v) or interp (a·P_D v + b·P_B v).");
    static final Setting<Double> A = Setting.optional("a", Types.real(-1e6, 1e6), "none (interp needs it)",
            "interp: the weight of the dominant part.");
    static final Setting<Double> B = Setting.optional("b", Types.real(-1e6, 1e6), "none (interp needs it)",
            "interp: the weight of the bulk part.");
    static final Setting<ArmProjection.Target> APPLY_TO = Setting.of("apply_to", Types.choice(
            w -> ArmProjection.Target.valueOf(w.toUpperCase(Locale.ROOT)), t -> t.name().toLowerCase(Locale.ROOT),
            ArmProjection.TARGETS.toArray(String[]::new)), ArmProjection.Target.UPDATE, "Project the optimizer's final"
            + " update, or the gradient before the optimizer's state sees it.");
    static final Setting<Boolean> TRACK = Setting.of("track", Types.flag(), true, "Whether the arm keeps refreshing"
            + " its own subspace after the switch (always for a projected arm); false leaves its alignment columns"
            + " empty and saves the refreshes.");

    static final Schema SCHEMA = Schema.listOf("arms", "The paired arms (default: plain, dom and bulk on the update,"
            + " all tracked).", NAME, PROJECTION, A, B, APPLY_TO, TRACK);

    /** The arms when the config lists none. */
    static final List<TrainConfig.Arm> DEFAULT = List.of(
            new TrainConfig.Arm("plain", ArmProjection.NONE, true),
            new TrainConfig.Arm("dom", ArmProjection.of(ArmProjection.Kind.DOM, ArmProjection.Target.UPDATE), true),
            new TrainConfig.Arm("bulk", ArmProjection.of(ArmProjection.Kind.BULK, ArmProjection.Target.UPDATE), true));

    private ArmsSection() {
    }

    /** The arms of the {@code arms:} node (null: the default ones); names are unique. */
    static List<TrainConfig.Arm> read(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new SettingError(SCHEMA.key(), "must be a non-empty list of {name, projection, ...}");
        }
        List<TrainConfig.Arm> arms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Values v = SCHEMA.readElement(node.get(i), i, null);
            TrainConfig.Arm arm = from(v);
            if (!names.add(arm.name())) {
                throw v.invalid(NAME, "'" + arm.name() + "' is used twice");
            }
            arms.add(arm);
        }
        return List.copyOf(arms);
    }

    /** One arm's record: a and b go with interp only, and only a plain arm may go untracked. */
    static TrainConfig.Arm from(Values v) {
        String name = v.get(NAME);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw v.invalid(NAME, "'" + name + "' is not allowed; allowed: " + NAME_CHARACTERS);
        }
        ArmProjection.Kind kind = v.get(PROJECTION);
        ArmProjection p;
        if (kind == ArmProjection.Kind.INTERP) {
            if (!v.given(A) || !v.given(B)) {
                throw v.invalid(v.given(A) ? B : A, "projection interp needs a and b");
            }
            p = new ArmProjection(kind, v.get(A), v.get(B), v.get(APPLY_TO));
        } else {
            if (v.given(A) || v.given(B)) {
                throw v.invalid(v.given(A) ? A : B, "a and b are allowed with projection interp only");
            }
            p = ArmProjection.of(kind, v.get(APPLY_TO));
        }
        if (!v.get(TRACK) && p.active()) {
            throw v.invalid(TRACK, "must be true for a projected arm (allowed false only with projection none)");
        }
        return new TrainConfig.Arm(name, p, v.get(TRACK));
    }
}
