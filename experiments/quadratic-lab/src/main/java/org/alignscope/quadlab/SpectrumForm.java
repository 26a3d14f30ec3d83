package org.alignscope.quadlab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.alignscope.quadratic.Spectrum;
import org.alignscope.settings.SettingType;
import org.alignscope.settings.Types;

/**
 * The eigenvalues of the quadratic as the user chooses them: {@code authors} (dominant linspace(100, 80, k), bulk
 * rescaled to λ_k/(m + 0.1), see {@link Spectrum#authors}), {@code two-level:DOM:BULK}, or {@code file:PATH}
 * (eigenvalues, read when the setting is read, so that d can default to their number).
 */
public sealed interface SpectrumForm {
    /** How a setting of this kind is written and read. */
    SettingType<SpectrumForm> TYPE = Types.parsed("authors, two-level:DOM:BULK or file:PATH", SpectrumForm::parse,
            SpectrumForm::text);

    /** The spectrum in dimension d with a dominant block of k and, for the authors' construction, gap ratio m. */
    Spectrum at(int d, int k, double m);

    /** The dimension the form fixes (a file's length), if any. */
    OptionalInt dimension();

    /** The form as the user writes it. */
    String text();

    /** The authors' construction; the gap ratio m is a setting of its own. */
    record Authors() implements SpectrumForm {
        @Override
        public Spectrum at(int d, int k, double m) {
            return Spectrum.authors(d, k, m);
        }

        @Override
        public OptionalInt dimension() {
            return OptionalInt.empty();
        }

        @Override
        public String text() {
            return "authors";
        }
    }

    /** λ_i = dominant for i ≤ k, bulk otherwise. */
    record TwoLevel(double dominant, double bulk) implements SpectrumForm {
        @Override
        public Spectrum at(int d, int k, double m) {
            return Spectrum.twoLevel(d, k, dominant, bulk);
        }

        @Override
        public OptionalInt dimension() {
            return OptionalInt.empty();
        }

        @Override
        public String text() {
            return "two-level:" + QuadTypes.number(dominant) + ":" + QuadTypes.number(bulk);
        }
    }

    /** The eigenvalues of a file, in descending order. */
    record File(Path path, double[] eigenvalues) implements SpectrumForm {
        @Override
        public Spectrum at(int d, int k, double m) {
            return new Spectrum(eigenvalues, k);
        }

        @Override
        public OptionalInt dimension() {
            return OptionalInt.of(eigenvalues.length);
        }

        @Override
        public String text() {
            return "file:" + path;
        }
    }

    /** Reads the text form; {@code file:PATH} reads the file. */
    static SpectrumForm parse(String text) {
        if (text.equals("authors")) {
            return new Authors();
        }
        String[] p = text.split(":", 2);
        if (p[0].equals("two-level") && p.length == 2) {
            String[] v = p[1].split(":");
            try {
                if (v.length == 2) {
                    return new TwoLevel(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        } else if (p[0].equals("file") && p.length == 2) {
            Path file = Path.of(p[1]);
            try {
                return new File(file, Spectrum.readEigenvalues(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalArgumentException("must be authors, two-level:DOM:BULK or file:PATH (got '" + text + "')");
    }
}
