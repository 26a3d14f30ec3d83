package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.alignscope.curvature.HessianSettings;
import org.alignscope.io.YamlTree;
import org.alignscope.settings.Schema;
import org.alignscope.settings.SchemaReference;
import org.alignscope.settings.Setting;
import org.alignscope.settings.SettingError;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Adding a setting is one entry: it appears as an option, in errors, in YAML and in the reference. */
class SchemaOptionsTest {
    static final Setting<Integer> DUMMY = Setting.of("dummy_key", Types.integer(1, 9), 5, "A setting added in one place.")
            .in("widgets");
    static final Schema SCHEMA = HessianSettings.SCHEMA.with("hessian", "The hessian options and one more.", DUMMY);

    @Command(name = "dummy", modelTransformer = SchemaOptions.class)
    static final class DummyCommand implements Runnable, SchemaCommand {
        @CommandLine.Spec
        CommandSpec spec;

        Values values;

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public void run() {
            values = SchemaOptions.values(spec);
        }
    }

    private static DummyCommand run(String... args) {
        DummyCommand c = new DummyCommand();
        CommandLine cl = new CommandLine(c);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            throw ex;
        });
        cl.execute(args);
        return c;
    }

    @Test
    void oneEntryGivesTheOptionItsHelpAndItsValue() {
        assertEquals(5, run().values.get(DUMMY));
        assertEquals(7, run("--dummy-key", "7").values.get(DUMMY));
        Values both = run("--dummy-key=3", "--k", "4").values;
        assertEquals(3, both.get(DUMMY));
        assertEquals(4, both.get(HessianSettings.K));
        StringWriter help = new StringWriter();
        new CommandLine(new DummyCommand()).usage(new PrintWriter(help));
        assertTrue(help.toString().contains("--dummy-key=DUMMY_KEY"), help.toString());
        assertTrue(help.toString().replaceAll("\\s+", " ").contains("A setting added in one place (widgets: integer in"
                + " [1, 9]; default: 5)."), help.toString());
    }

    @Test
    void oneEntryGivesTheOneLineErrorNamingTheOption() {
        DummyCommand c = new DummyCommand();
        CommandLine cl = new CommandLine(c);
        cl.parseArgs("--dummy-key", "0");
        SettingError e = assertThrows(SettingError.class, () -> SchemaOptions.values(c.spec));
        assertEquals("--dummy-key: 0 is out of range; allowed: [1, 9]", e.getMessage());
        cl.parseArgs("--dummy-key", "many");
        e = assertThrows(SettingError.class, () -> SchemaOptions.values(c.spec));
        assertEquals("--dummy-key: 'many' is not an integer; allowed: [1, 9]", e.getMessage());
    }

    @Test
    void oneEntryIsReadFromYamlAndListedInTheReference() {
        assertEquals(8, SCHEMA.read(YamlTree.parse("dummy_key: 8\nk: 3\n", "s.yaml"), null).get(DUMMY));
        assertTrue(SchemaReference.markdown(SCHEMA, 2).contains(
                "| `--dummy-key` | integer in [1, 9] | 5 | widgets | A setting added in one place. |"));
    }

    static final Setting<java.util.List<String>> NAMES = Setting.of("name", Types.repeated(Types.text("a name")),
            java.util.List.of(), "A further name.");

    @Command(name = "names", modelTransformer = SchemaOptions.class)
    static final class NamesCommand implements SchemaCommand {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public Schema schema() {
            return Schema.commandLine("names", "Names.", NAMES);
        }
    }

    @Test
    void aRepeatableSettingIsAnOptionGivenOncePerElement() {
        NamesCommand c = new NamesCommand();
        CommandLine cl = new CommandLine(c);
        cl.parseArgs();
        assertEquals(java.util.List.of(), SchemaOptions.values(c.spec).get(NAMES));
        cl.parseArgs("--name", "a", "--name=b");
        assertEquals(java.util.List.of("a", "b"), SchemaOptions.values(c.spec).get(NAMES));
    }
}
