package org.alignscope.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Values;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes a {@link SchemaCommand}'s options from its schema when picocli builds the command
 * ({@code @Command(modelTransformer = SchemaOptions.class)}): {@code --init-scale} for the setting
 * {@code init_scale}, its help the setting's meaning, what is allowed and the default. Values stay text until
 * {@link #values} resolves them through the schema, so a bad value gets the schema's one-line error
 * ({@code --k: 0 is out of range; allowed: >= 1}) and a default derived from another setting is computed once,
 * in the schema. A repeatable setting (a list) is an option given once per element.
 */
final class SchemaOptions implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        if (!(spec.userObject() instanceof SchemaCommand command)) {
            throw new IllegalStateException(spec.name() + " is not a SchemaCommand");
        }
        for (Setting<?> s : command.schema().settings()) {
            spec.addOption(option(s));
        }
        return spec;
    }

    private static OptionSpec option(Setting<?> s) {
        OptionSpec.Builder b = OptionSpec.builder(s.option()).description(help(s));
        if (s.type().isFlag()) {
            b.arity("0").type(Boolean.class);
        } else if (s.type().repeatable()) {
            b.arity("1").type(List.class).auxiliaryTypes(String.class)
                    .paramLabel(s.key().toUpperCase(java.util.Locale.ROOT));
        } else {
            b.arity("1").type(String.class).paramLabel(s.key().toUpperCase(java.util.Locale.ROOT));
        }
        return b.build();
    }

    /** The option's help: meaning, then what is allowed and the default. */
    static String help(Setting<?> s) {
        String meaning = s.meaning().endsWith(".") ? s.meaning().substring(0, s.meaning().length() - 1)
                : s.meaning();
        String allowed = s.type().isFlag() ? "" : (s.unit() == null ? "" : s.unit() + ": ") + s.type().allowed()
                + "; ";
        return meaning + " (" + allowed + "default: " + s.fallback().text() + ").";
    }

    /** The command's settings as given on its command line, the others at their defaults. */
    static Values values(CommandSpec spec) {
        Schema schema = ((SchemaCommand) spec.userObject()).schema();
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Setting<?> s : schema.settings()) {
            Object v = spec.findOption(s.option()).getValue();
            if (v instanceof List<?> texts) {
                if (!texts.isEmpty()) {
                    given.put(s.key(), texts.stream().map(Object::toString).toList());
                }
            } else if (v != null) {
                given.put(s.key(), List.of(v.toString()));
            }
        }
        return schema.parseRepeated(given, null);
    }
}
