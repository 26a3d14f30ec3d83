package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alignscope.settings.Schema;
import org.alignscope.settings.SchemaReference;
import org.alignscope.settings.Setting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference/config.md} is generated from the training config's schemas ({@link TrainSchema} and its
 * sections); this test fails when the committed file is stale, and rewrites it when run with
 * {@code -Dalignscope.writeDocs=true} ({@code mvn -B -pl train -am test -Dtest=ConfigReferenceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dalignscope.writeDocs=true}).
 */
@Tag("reliability")
class ConfigReferenceTest {
    static final Path FILE = Path.of("..", "docs", "reference", "config.md");

    static String render() {
        return String.join("\n",
                "# Keys of a training config (`alignscope train --config FILE`)",
                "",
                "Generated from the schemas in `train/src/main/java/org/alignscope/train/` (`TrainSchema` and the",
                "`*Section` classes it lists) by `ConfigReferenceTest` (`-Dalignscope.writeDocs=true` rewrites it); do",
                "not edit by hand.",
                "",
                "A config is a YAML mapping. Its top level holds `name`, `seeds` and one key per section; a section is",
                "a mapping of its own keys (`optimizer: {lr: 0.1}`), `optimizer.schedule` is a mapping inside",
                "`optimizer`, and `arms` is a list of mappings. A missing key or section takes the defaults below,",
                "except `monitor`: without that section the monitor does not run. A key that is not listed here is an",
                "error that names the allowed keys (`optimizer.lrr: unknown key; allowed: name, lr, momentum, ...`),",
                "as is a value outside its range, and a key given twice is an error naming both lines; each error is",
                "one line and exit code 2, before any work. A default or range that names other keys derives from",
                "them (`subspace.krylov` from `subspace.k`).",
                "",
                "Besides the ranges, some keys constrain each other: `data.train_samples` is a multiple of 10 for",
                "fashion-mnist; an arm's name is unique, `interp` needs `a` and `b` and no other projection takes",
                "them, and only an arm with projection `none` may set `track: false`; `monitor.arms` names arms of",
                "the config, each once; `monitor.min_every`, `max_every` and `change` go with `every: adaptive` only;",
                "`monitor.effective_step: true` needs `optimizer.name` momentum or nesterov; `monitor.probe_steps`",
                "needs sgd, `monitor.cumulative_points` sgd without weight decay, and `monitor.cumulative_window` goes",
                "with `cumulative_points` >= 2; with a monitor, `training.batch_size` is at most the reference samples.",
                "",
                "What the keys do in a run: [../training.md](../training.md).",
                "",
                "") + SchemaReference.markdown(TrainSchema.FILE, 2);
    }

    @Test
    void theCommittedReferenceIsCurrent() throws Exception {
        String now = render();
        if (Boolean.getBoolean("alignscope.writeDocs")) {
            Files.writeString(FILE, now);
        }
        assertEquals(now, Files.readString(FILE), FILE + " is stale: rerun this test with -Dalignscope.writeDocs=true");
    }

    @Test
    void everySectionAndKeyIsInTheReferenceWithAMeaning() {
        String md = render();
        List<Schema> sections = new ArrayList<>(List.of(TrainSchema.FILE));
        for (int i = 0; i < sections.size(); i++) {
            Schema s = sections.get(i);
            sections.addAll(s.sections());
            assertTrue(s.path().isEmpty() || md.contains("`" + s.path() + "`"), s.path());
            for (Setting<?> setting : s.settings()) {
                assertFalse(setting.meaning().isBlank(), setting.label());
                assertTrue(md.contains("| `" + setting.key() + "` |"), setting.label());
            }
        }
        assertEquals(List.of("", "data", "model", "optimizer", "training", "subspace", "switch", "arms[]",
                "logging", "monitor", "optimizer.schedule"), sections.stream().map(Schema::path).toList());
    }
}
