package org.alignscope.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.alignscope.io.AtomicFile;
import org.alignscope.io.CsvTable;

/**
 * {@code cells/<id>.json} beside a cell's run folder, written when the cell ends: its arguments, exit code, wall seconds and
 * outcome. A rerun skips a cell whose record is {@code complete} or {@code diverged} and whose arguments are the
 * ones the sweep would give it now; a {@code failed} cell, or one whose settings changed, runs again.
 */
record CellRecord(List<String> arguments, int exitCode, double wallSeconds, Outcome outcome) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The record of the cell whose run folder is {@code dir}. */
    static Path file(Path dir) {
        return Sweep.beside(dir, ".json");
    }

    boolean finished(List<String> now) {
        return !outcome.status().equals(Outcome.FAILED) && arguments.equals(now);
    }

    void write(Path dir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", outcome.status());
        m.put("message", outcome.message());
        m.put("exit_code", exitCode);
        m.put("wall_seconds", wallSeconds);
        double[] values = outcome.metrics();
        for (int i = 0; i < values.length; i++) {
            m.put(SweepSummary.METRICS.get(i), finite(values[i]));
        }
        m.put("arguments", arguments);
        AtomicFile.write(file(dir), out -> JSON.writeValue(out, m));
    }

    /** The record in {@code dir}, if it has a readable one. */
    static Optional<CellRecord> read(Path dir) {
        Path file = file(dir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> m = JSON.readValue(file.toFile(), Map.class);
            List<String> args = ((List<?>) m.get("arguments")).stream().map(Object::toString).toList();
            double[] v = SweepSummary.METRICS.stream().mapToDouble(k -> number(m.get(k))).toArray();
            Outcome o = new Outcome((String) m.get("status"), (String) m.get("message"), v[0], v[1], v[2], v[3], v[4],
                    v[5]);
            return Optional.of(new CellRecord(args, ((Number) m.get("exit_code")).intValue(),
                    ((Number) m.get("wall_seconds")).doubleValue(), o));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** JSON has no NaN or infinity: undefined as null, ±∞ as "inf"/"-inf". */
    private static Object finite(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : (Object) v;
    }

    private static double number(Object v) {
        if (v == null) {
            return Double.NaN;
        }
        return v instanceof Number n ? n.doubleValue() : CsvTable.number(v.toString());
    }
}
