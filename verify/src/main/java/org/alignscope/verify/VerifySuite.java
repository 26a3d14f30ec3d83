package org.alignscope.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignscope.io.AtomicFile;
import org.alignscope.io.CsvWriter;
import org.alignscope.linalg.progress.Counter;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.report.Manifest;

/**
 * Runs every checker and writes {@code verify.csv}, the counterexample files, {@code report.md} and its data
 * {@code claims.json} (for the folder's page); replays one instance file.
 *
 * <p>Each claim draws from its own stream {@code RandomStream.of(seed, index)}, so a claim's result does not
 * depend on the others or on the number of threads.
 */
public final class VerifySuite {
    /** The header of {@code verify.csv}. */
    public static final String[] HEADER = {"claim", "status", "instances", "worst_margin", "counterexample"};
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerifySuite() {
    }

    /** One claim's result, with its corrected statement's result when it has one. */
    public record Entry(ClaimChecker checker, ClaimResult result, ClaimChecker correctedChecker, ClaimResult corrected) {
    }

    /** Checks every claim (in parallel on the settings' threads) and writes the settings' output folder. */
    public static List<Entry> run(VerifySettings settings, String command) {
        return run(settings, command, Progress.NONE);
    }

    /** As {@link #run(VerifySettings, String)}, reporting finished claims to {@code progress}. */
    public static List<Entry> run(VerifySettings settings, String command, Progress progress) {
        Budget budget = settings.budget();
        long seed = settings.get(VerifySettings.SEED);
        int threads = settings.get(VerifySettings.THREADS);
        long start = System.nanoTime();
        List<ClaimChecker> checkers = ClaimRegistry.all();
        Counter done = progress.counter(checkers.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "alignscope-verify");
            t.setDaemon(true);
            return t;
        });
        List<Entry> entries = new ArrayList<>();
        try {
            List<Future<Entry>> futures = new ArrayList<>();
            for (int i = 0; i < checkers.size(); i++) {
                ClaimChecker c = checkers.get(i);
                long index = i;
                futures.add(pool.submit(() -> {
                    ClaimResult r = c.check(budget, RandomStream.of(seed, index));
                    ClaimChecker fix = c.corrected().orElse(null);
                    ClaimResult fixed = fix == null ? null : fix.check(budget, RandomStream.of(seed, index, 1));
                    done.add(1);
                    return new Entry(c, r, fix, fixed);
                }));
            }
            for (Future<Entry> f : futures) {
                entries.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        write(settings, entries, command, seconds);
        return entries;
    }

    static void write(VerifySettings settings, List<Entry> entries, String command, double seconds) {
        Path out = settings.get(VerifySettings.OUT);
        Budget budget = settings.budget();
        try {
            Files.createDirectories(out);
            try (CsvWriter csv = new CsvWriter(out.resolve("verify.csv"), true, HEADER)) {
                for (Entry e : entries) {
                    ClaimResult r = e.result();
                    String file = "";
                    if (r.status() == Status.VIOLATED) {
                        file = "counterexamples/" + r.id() + ".json";
                        writeInstance(out.resolve(file), e.checker(), r.worst(), r.worstEval());
                        if (r.smallest() != null && r.smallest() != r.worst()) {
                            writeInstance(out.resolve("counterexamples/" + r.id() + "-smallest.json"), e.checker(),
                                    r.smallest(), r.smallestEval());
                        }
                    }
                    if (r.worst() != null) {
                        writeInstance(out.resolve("instances/" + r.id() + "-worst.json"), e.checker(), r.worst(), r.worstEval());
                    }
                    if (e.corrected() != null && e.corrected().worst() != null) {
                        writeInstance(out.resolve("instances/" + e.corrected().id() + "-worst.json"), e.correctedChecker(),
                                e.corrected().worst(), e.corrected().worstEval());
                    }
                    csv.row(r.id(), r.status().word(), r.instances(), r.worstMargin(), file);
                }
            }
            AtomicFile.writeString(out.resolve("report.md"), Report.markdown(entries, budget,
                    settings.get(VerifySettings.SEED), command, seconds));
            ClaimsFile.write(out, entries);
            Manifest manifest = new Manifest(command);
            settings.describe().forEach(manifest::setting);
            Map<String, String> statuses = new LinkedHashMap<>();
            for (Entry e : entries) {
                statuses.put(e.result().id(), e.result().status().word());
            }
            manifest.put("results", statuses).put("elapsed_seconds", seconds).complete().write(out);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + out + ": " + ex.getMessage(), ex);
        }
    }

    /** Writes one instance with its evaluation as a replayable JSON file. */
    public static void writeInstance(Path file, ClaimChecker checker, Instance inst, Evaluation e) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("claim", checker.id());
        root.put("statement", checker.statement());
        root.put("replay", replayCommand(file.getFileName().toString()));
        root.put("instance", inst);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("left", e.left());
        ev.put("right", e.right());
        ev.put("margin", e.margin());
        ev.put("status", e.status().word());
        ev.put("quantities", e.quantities());
        root.put("evaluation", ev);
        AtomicFile.write(file, out -> JSON.writeValue(out, root));
    }

    /** The command that replays an instance file. */
    static String replayCommand(String file) {
        return "alignscope quad verify " + VerifySettings.REPLAY.option() + " " + file;
    }

    /** The outcome of a replay: the evaluation and the line to print. */
    public record Replay(String claim, Evaluation evaluation, String line) {
        /** 0 for holds, 1 for violated. */
        public int exitCode() {
            return evaluation.status() == Status.VIOLATED ? 1 : 0;
        }
    }

    /**
     * Recomputes the instance of a counterexample (or instance) file.
     *
     * @throws IllegalArgumentException one line when the file cannot be read, is empty, or does not hold a
     *                                  complete instance of a known claim
     */
    public static Replay replay(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + firstLine(e));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new IllegalArgumentException("" + file + " is " + (root == null || root.isMissingNode()
                    ? "empty" : "not a JSON object") + "; expected a counterexample file written by quad verify");
        }
        JsonNode node = root.has("instance") ? root.get("instance") : root;
        Instance inst;
        try {
            inst = JSON.treeToValue(node, Instance.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("" + file + " does not hold an instance: " + firstLine(e));
        }
        if (inst == null || inst.claim() == null) {
            throw new IllegalArgumentException("" + file + " names no claim");
        }
        if (inst.lambda() == null || inst.lambda().length == 0) {
            throw new IllegalArgumentException("" + file + " has no eigenvalues (field lambda)");
        }
        ClaimChecker checker;
        Evaluation e;
        try {
            checker = ClaimRegistry.byId(inst.claim());
            e = checker.evaluate(inst);
        } catch (IllegalArgumentException | NullPointerException | IndexOutOfBoundsException x) {
            throw new IllegalArgumentException("" + file + " does not hold a complete instance of claim "
                    + inst.claim() + ": " + firstLine(x));
        }
        String word = e.status() == Status.VIOLATED ? "violated" : "holds";
        String line = String.format(Locale.ROOT, "%s left=%s right=%s margin=%s %s", inst.claim(), num(e.left()),
                num(e.right()), num(e.margin()), word);
        return new Replay(inst.claim(), e, line);
    }

    /** The first line of an exception's message (Jackson's run over several). */
    private static String firstLine(Exception e) {
        String m = e.getMessage() != null ? e.getMessage() : e.toString();
        return m.lines().findFirst().orElse(m);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.12g", v);
    }
}
