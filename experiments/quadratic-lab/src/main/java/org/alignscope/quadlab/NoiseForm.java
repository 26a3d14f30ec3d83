package org.alignscope.quadlab;

import java.nio.file.Path;
import org.alignscope.quadratic.DiagonalNoise;
import org.alignscope.quadratic.FullCovarianceNoise;
import org.alignscope.quadratic.IsotropicNoise;
import org.alignscope.quadratic.NoiseModel;
import org.alignscope.settings.SettingType;
import org.alignscope.settings.Types;

/**
 * The gradient noise as the user chooses it: {@code isotropic} (σ is a setting of its own), {@code diag:PATH} (one
 * variance κ_i² per eigen-direction) or {@code cov:PATH} (a d×d covariance in eigen-coordinates, rows of numbers).
 * The files are read when the runs are built.
 */
public sealed interface NoiseForm {
    /** How a setting of this kind is written and read. */
    SettingType<NoiseForm> TYPE = Types.parsed("isotropic, diag:PATH or cov:PATH", NoiseForm::parse,
            NoiseForm::text);

    /**
     * The noise model for dimension d.
     *
     * @throws IllegalArgumentException when its file cannot be read or does not fit d
     */
    NoiseModel model(double sigma, int d);

    /** The form as the user writes it. */
    String text();

    /** N(0, σ² I). */
    record Isotropic() implements NoiseForm {
        @Override
        public NoiseModel model(double sigma, int d) {
            return new IsotropicNoise(sigma);
        }

        @Override
        public String text() {
            return "isotropic";
        }
    }

    /** Independent coordinates with the variances of a file. */
    record Diagonal(Path file) implements NoiseForm {
        @Override
        public NoiseModel model(double sigma, int d) {
            NoiseModel m = new DiagonalNoise(NumberRows.numbers(file));
            m.checkDimension(d);
            return m;
        }

        @Override
        public String text() {
            return "diag:" + file;
        }
    }

    /** A full covariance read from a file. */
    record Covariance(Path file) implements NoiseForm {
        @Override
        public NoiseModel model(double sigma, int d) {
            NoiseModel m = new FullCovarianceNoise(NumberRows.read(file));
            m.checkDimension(d);
            return m;
        }

        @Override
        public String text() {
            return "cov:" + file;
        }
    }

    /** Reads the text form (the files are read later). */
    static NoiseForm parse(String text) {
        if (text.equals("isotropic")) {
            return new Isotropic();
        }
        String[] p = text.split(":", 2);
        if (p.length == 2 && p[0].equals("diag")) {
            return new Diagonal(Path.of(p[1]));
        }
        if (p.length == 2 && p[0].equals("cov")) {
            return new Covariance(Path.of(p[1]));
        }
        throw new IllegalArgumentException("must be isotropic, diag:PATH or cov:PATH (got '" + text + "')");
    }
}
