package org.alignscope.train;

import java.util.List;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;

/**
 * The schema of a training config ({@code alignscope train --config FILE}): its top-level keys and its sections, in
 * the order the reference lists them. Each section's keys are declared in its own class ({@link DataSection},
 * {@link ModelSection}, ...), which also builds that section's {@link TrainConfig} record; {@link ConfigReader}
 * reads them in the order their defaults and ranges depend on each other.
 */
final class TrainSchema {
    static final Setting<String> NAME = Setting.of("name", Types.text(), "experiment", "Label of the run in its"
            + " manifest.");
    static final Setting<List<Long>> SEEDS = Setting.of("seeds", Types.longList(), List.of(1L), "One full experiment"
            + " (base phase, switch, all arms) per seed, run one after the other.");

    static final Schema FILE = Schema.file("", "The top level of the file: the run's name and seeds, and one mapping"
            + " per section.", NAME, SEEDS, DataSection.SCHEMA, ModelSection.SCHEMA, OptimizerSection.SCHEMA,
            TrainingSection.SCHEMA, SubspaceSection.SCHEMA, SwitchSection.SCHEMA, ArmsSection.SCHEMA,
            LoggingSection.SCHEMA, MonitorSection.SCHEMA);

    private TrainSchema() {
    }
}
