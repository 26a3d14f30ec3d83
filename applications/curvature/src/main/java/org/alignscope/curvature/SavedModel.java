package org.alignscope.curvature;

import java.io.IOException;
import java.nio.file.Path;
import org.alignscope.nn.Checkpoint;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.ModelSpec;
import org.alignscope.nn.Models;
import org.alignscope.nn.Precision;
import org.alignscope.settings.Setting;

/**
 * A model saved by {@link Checkpoint#save} (a folder with {@code index.json} and one {@code .npy} per tensor), read
 * for a command that analyses it ({@code alignscope hessian --checkpoint}, {@code alignscope monitor
 * --model-checkpoint}) in two stages: the index first, so that a command can check the sizes it implies before any
 * tensor is read, then the parameters. Any failure to read it is bad input for the option that named the folder:
 * "cannot load DIR: " and the first line of the reason.
 *
 * @param option    the option that named the folder (its errors name it)
 * @param dir       the folder
 * @param index     its index
 * @param spec      the architecture the index names
 * @param loss      the loss to build the model with
 * @param precision the precision to build the model with
 */
public record SavedModel(Setting<Path> option, Path dir, Checkpoint.Index index, ModelSpec spec, Loss loss,
                         Precision precision) {

    /**
     * Reads the index of the model in {@code dir}.
     *
     * @param loss      the loss to use instead of the saved one, or null for the saved one
     * @param precision the precision to use instead of the saved one, or null for the saved one
     * @throws org.alignscope.settings.SettingError naming {@code option}
     */
    public static SavedModel read(Setting<Path> option, Path dir, Loss loss, Precision precision) {
        try {
            Checkpoint.Index index = Checkpoint.readIndex(dir);
            return new SavedModel(option, dir, index, ModelSpec.parse(index.spec()),
                    loss != null ? loss : Loss.parse(index.loss()),
                    precision != null ? precision : Precision.parse(index.precision()));
        } catch (IOException | RuntimeException e) {
            throw cannotLoad(option, dir, e);
        }
    }

    /** The model with its saved loss and precision ({@link #read} then {@link #load()}). */
    public static Model load(Setting<Path> option, Path dir) {
        return read(option, dir, null, null).load();
    }

    /**
     * Builds the model and loads its parameters.
     *
     * @throws org.alignscope.settings.SettingError naming the option (missing or malformed tensors, NaN or infinite
     *                                              parameters)
     */
    public Model load() {
        try {
            Model m = Models.create(index.spec(), loss, precision);
            Checkpoint.loadInto(m, dir);
            return m;
        } catch (IOException | RuntimeException e) {
            throw cannotLoad(option, dir, e);
        }
    }

    private static IllegalArgumentException cannotLoad(Setting<Path> option, Path dir, Exception e) {
        String msg = e.getMessage() != null ? e.getMessage() : e.toString();
        return option.invalid("cannot load " + dir + ": " + msg.lines().findFirst().orElse(msg));
    }
}
