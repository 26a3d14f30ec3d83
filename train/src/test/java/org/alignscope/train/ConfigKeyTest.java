package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.alignscope.io.YamlTree;
import org.alignscope.settings.Schema;
import org.alignscope.settings.SchemaEntry;
import org.alignscope.settings.SchemaReference;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A new config key is one entry in its section's schema: appended there, it is read from the YAML, its bad values
 * are errors naming it and its range, the unknown-key error lists it, and the reference documents it.
 */
@Tag("reliability")
class ConfigKeyTest {
    static final Setting<Integer> PATIENCE = Setting.of("patience", Types.integer(1, 9), 3, "Evaluations without"
            + " improvement before the arm stops.").in("evaluations");

    /** The logging section as declared, with one key appended. */
    static Schema loggingWith(Setting<?> key) {
        List<SchemaEntry> entries = new ArrayList<>(LoggingSection.SCHEMA.entries());
        entries.add(key);
        return Schema.file(LoggingSection.SCHEMA.key(), LoggingSection.SCHEMA.meaning(),
                entries.toArray(SchemaEntry[]::new));
    }

    static Values read(Schema top, Schema logging, String yaml) {
        JsonNode root = YamlTree.parse(yaml, "t.yaml");
        return logging.read(root.get(logging.key()), top.read(root, null));
    }

    static String error(Schema top, Schema logging, String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> read(top, logging, yaml)).getMessage();
    }

    @Test
    void aKeyAppendedToASectionIsReadCheckedListedAndDocumented() {
        Schema logging = loggingWith(PATIENCE);
        Schema top = Schema.file("", "A config with the extended section.", logging);

        Values v = read(top, logging, "logging: {eval_every: 5, patience: 4}\n");
        assertEquals(4, v.get(PATIENCE));
        assertEquals(new TrainConfig.Logging(5, 0, 1e150), LoggingSection.from(v), "the other keys read as before");
        assertEquals(3, read(top, logging, "logging: {}\n").get(PATIENCE), "its default");

        assertEquals("logging.patience: 10 is out of range; allowed: [1, 9]",
                error(top, logging, "logging: {patience: 10}\n"));
        assertEquals("logging.patience: 'soon' is not an integer; allowed: [1, 9]",
                error(top, logging, "logging: {patience: soon}\n"));
        assertEquals("logging.patiense: unknown key; allowed: eval_every, checkpoint_every, divergence_loss,"
                + " patience", error(top, logging, "logging: {patiense: 4}\n"));

        String md = SchemaReference.markdown(top, 2);
        assertTrue(md.contains("| `patience` | integer in [1, 9] | 3 | evaluations | Evaluations without improvement"
                + " before the arm stops. |"), md);
    }

    @Test
    void theDeclaredSectionDoesNotKnowTheKey() {
        assertEquals("logging.patience: unknown key; allowed: eval_every, checkpoint_every, divergence_loss",
                assertThrows(IllegalArgumentException.class,
                        () -> ConfigReader.parse("logging: {patience: 4}\n", "t")).getMessage());
    }
}
