package org.alignscope.quadlab;

import java.nio.file.Path;
import org.alignscope.quadratic.Initialisation;
import org.alignscope.settings.SettingType;
import org.alignscope.settings.Types;

/**
 * The starting point as the user chooses it: {@code gaussian} (x_0 ~ N(0, scale² I), the scale a setting of its
 * own) or {@code file:PATH} (c_0 in eigen-coordinates, d numbers; read when the runs are built).
 */
public sealed interface InitForm {
    /** How a setting of this kind is written and read. */
    SettingType<InitForm> TYPE = Types.parsed("gaussian or file:PATH", InitForm::parse, InitForm::text);

    /**
     * The initialisation.
     *
     * @throws IllegalArgumentException when its file cannot be read
     */
    Initialisation start(double scale);

    /** The form as the user writes it. */
    String text();

    /** x_0 ~ N(0, scale² I). */
    record Gaussian() implements InitForm {
        @Override
        public Initialisation start(double scale) {
            return Initialisation.gaussian(scale);
        }

        @Override
        public String text() {
            return "gaussian";
        }
    }

    /** c_0 read from a file. */
    record File(Path path) implements InitForm {
        @Override
        public Initialisation start(double scale) {
            return Initialisation.given(NumberRows.numbers(path));
        }

        @Override
        public String text() {
            return "file:" + path;
        }
    }

    /** Reads the text form (the file is read later). */
    static InitForm parse(String text) {
        if (text.equals("gaussian")) {
            return new Gaussian();
        }
        if (text.startsWith("file:")) {
            return new File(Path.of(text.substring(5)));
        }
        throw new IllegalArgumentException("must be gaussian or file:PATH (got '" + text + "')");
    }
}
