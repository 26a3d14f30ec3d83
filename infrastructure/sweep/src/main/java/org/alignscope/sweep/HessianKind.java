package org.alignscope.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alignscope.io.CsvTable;

/**
 * Cells of {@code alignscope hessian}: keys are its options without dashes ({@code model}, {@code init-scale},
 * {@code n}, {@code loss}, {@code seed}, {@code operator}, ...). The summary takes the mean loss on the reference
 * set at the analysed point ({@code results.loss} of the cell's {@code manifest.json}) and λ₁, the first eigenvalue
 * of its {@code eigen.csv}; θ and regimes are undefined for a single point.
 */
final class HessianKind extends OptionCellKind {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<String> command() {
        return List.of("hessian");
    }

    @Override
    public List<String> reservedOptions() {
        return List.of("out");
    }

    @Override
    List<String> sweepArguments(Path dir, CellOptions options) {
        return List.of(options.option("out"), dir.toString());
    }

    @Override
    public Outcome outcome(Path dir) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("manifest.json") + ": " + e.getMessage(), e);
        }
        double loss = manifest.path("results").path("loss").asDouble(Double.NaN);
        CsvTable eigen = CsvTable.read(dir.resolve("eigen.csv"));
        double lambda1 = eigen.rows().isEmpty() ? Double.NaN : eigen.number(0, "eigenvalue");
        return Outcome.complete(loss, Double.NaN, List.of()).withLambda1(lambda1);
    }
}
