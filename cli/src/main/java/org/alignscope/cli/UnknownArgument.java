package org.alignscope.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The one-line message for an argument picocli could not match: {@code unknown command 'trian'; did you mean
 * 'train'?} or {@code unknown option '--stpes'; did you mean '--steps'?}, the suggestions being the valid names at
 * the smallest edit distance (Levenshtein), and only when that distance is small next to the name's length.
 * picocli's own suggestions (cosine similarity, printed over several lines) are not used.
 */
final class UnknownArgument {
    private UnknownArgument() {
    }

    /**
     * The message about the first argument of {@code ex} (those after it are usually its value), or picocli's own
     * when that is neither an option nor a command.
     */
    static String message(CommandLine.UnmatchedArgumentException ex) {
        List<String> unmatched = ex.getUnmatched();
        if (unmatched.isEmpty()) {
            return ex.getMessage();
        }
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String arg = unmatched.get(0);
        if (arg.startsWith("-")) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            return describe("option", name, spec.optionsMap().keySet());
        }
        if (!spec.subcommands().isEmpty()) {
            return describe("command", arg, spec.subcommands().keySet());
        }
        return ex.getMessage();
    }

    private static String describe(String kind, String name, Collection<String> valid) {
        List<String> close = closest(name, valid);
        String message = "unknown " + kind + " '" + name + "'";
        if (close.isEmpty()) {
            return message;
        }
        return message + "; did you mean " + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList())
                + "?";
    }

    /**
     * The valid names at the smallest edit distance from {@code name}, in their given order, when that distance is
     * at most about a third of the name's length without its dashes (at least 1, at most 3); none otherwise.
     */
    static List<String> closest(String name, Collection<String> valid) {
        int limit = Math.min(3, Math.max(1, (name.replaceFirst("^-+", "").length() + 1) / 3));
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String candidate : valid) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d > limit || d > best) {
                continue;
            }
            if (d < best) {
                best = d;
                out.clear();
            }
            out.add(candidate);
        }
        return out;
    }

    /**
     * The edit distance with adjacent transpositions (optimal string alignment): inserting, deleting or replacing
     * a character, or swapping two neighbours, costs one each, so the typo {@code trian} is one edit from
     * {@code train}.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
