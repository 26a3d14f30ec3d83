package org.alignscope.nn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alignscope.io.AtomicFile;

/**
 * Saves and loads a model's parameters as one NumPy {@code .npy} file per tensor (PyTorch names and layout,
 * little-endian {@code <f8} or {@code <f4} by the model's precision, C order) plus {@code index.json}:
 *
 * <pre>
 * {"format": "alignscope-checkpoint", "version": 1, "spec": "mlp:784-200-10:tanh", "loss": "mse",
 *  "precision": "f64", "parameterCount": 159010,
 *  "tensors": [{"name": "0.weight", "shape": [200, 784], "dtype": "&lt;f8", "file": "0.weight.npy"}, ...]}
 * </pre>
 *
 * In Python: {@code sd = {t['name']: torch.from_numpy(np.load(dir + '/' + t['file'])) for t in index['tensors']}}
 * is a {@code state_dict} for the equivalent {@code nn.Sequential}.
 */
public final class Checkpoint {
    /** The index file name. */
    public static final String INDEX = "index.json";
    static final String FORMAT = "alignscope-checkpoint";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Checkpoint() {
    }

    /** One tensor entry of the index. */
    public record TensorEntry(String name, int[] shape, String dtype, String file) {
    }

    /** The index. */
    public record Index(String format, int version, String spec, String loss, String precision, int parameterCount,
                        List<TensorEntry> tensors) {
    }

    /** Writes the checkpoint into {@code dir} (created if needed; existing files of the same names are replaced). */
    public static void save(Model model, Path dir) throws IOException {
        Files.createDirectories(dir);
        Precision p = model.precision();
        List<TensorEntry> entries = new ArrayList<>();
        for (TensorInfo t : model.tensors()) {
            String file = t.name() + ".npy";
            Npy.write(dir.resolve(file), model.parameters(), t.offset(), t.shape(), p);
            entries.add(new TensorEntry(t.name(), t.shape(), p.numpyDescr(), file));
        }
        Index index = new Index(FORMAT, 1, model.spec(), model.lossFunction().label(), p.label(),
                model.parameterCount(), entries);
        AtomicFile.write(dir.resolve(INDEX), out -> JSON.writeValue(out, index));
    }

    /** Reads {@code dir/index.json}. */
    public static Index readIndex(Path dir) throws IOException {
        Path file = dir.resolve(INDEX);
        if (!Files.exists(file)) {
            throw new IOException("no checkpoint in " + dir + ": " + INDEX + " is missing");
        }
        Index index = JSON.readValue(file.toFile(), Index.class);
        if (!FORMAT.equals(index.format())) {
            throw new IOException(file + ": format is '" + index.format() + "', expected '" + FORMAT + "'");
        }
        return index;
    }

    /** Builds the model the checkpoint describes (spec, loss, precision) and loads its parameters. */
    public static Model load(Path dir) throws IOException {
        Index index = readIndex(dir);
        Model m = Models.create(index.spec(), Loss.parse(index.loss()), Precision.parse(index.precision()));
        loadInto(m, dir, index);
        return m;
    }

    /**
     * Loads the parameters into an existing model with the same tensors (names and shapes); a {@code <f4} file
     * may be loaded into an f64 model and vice versa.
     */
    public static void loadInto(Model model, Path dir) throws IOException {
        loadInto(model, dir, readIndex(dir));
    }

    private static void loadInto(Model model, Path dir, Index index) throws IOException {
        List<TensorInfo> want = model.tensors();
        if (index.tensors().size() != want.size()) {
            throw new IOException(dir + ": checkpoint has " + index.tensors().size() + " tensors, the model "
                    + model.spec() + " has " + want.size());
        }
        for (int i = 0; i < want.size(); i++) {
            TensorInfo t = want.get(i);
            TensorEntry e = index.tensors().get(i);
            if (!t.name().equals(e.name())) {
                throw new IOException(dir + ": tensor " + i + " is '" + e.name() + "', the model expects '" + t.name()
                        + "'");
            }
            Path file = inside(dir, e);
            Npy.Array a = Npy.read(file);
            if (!Arrays.equals(a.shape(), t.shape())) {
                throw new IOException(file + ": shape " + Arrays.toString(a.shape()) + ", the model"
                        + " expects " + Arrays.toString(t.shape()) + " for '" + t.name() + "'");
            }
            requireFinite(a.data(), file);
            System.arraycopy(a.data(), 0, model.parameters(), t.offset(), t.size());
        }
    }

    /**
     * The file of a tensor entry, which must lie inside the checkpoint folder: an index that names
     * {@code ../../etc/passwd}, an absolute path or a link leading out of the folder is refused, so that loading a
     * checkpoint reads nothing but the checkpoint.
     */
    static Path inside(Path dir, TensorEntry e) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        Path file = e.file() == null ? base : base.resolve(e.file()).normalize();
        boolean escapes = !file.startsWith(base) || file.equals(base);
        if (!escapes && Files.exists(file)) {
            escapes = !file.toRealPath().startsWith(base.toRealPath());
        }
        if (escapes) {
            throw new IOException(dir.resolve(INDEX) + ": tensor '" + e.name() + "' names the file '" + e.file()
                    + "', which is not inside the checkpoint folder");
        }
        return file;
    }

    /**
     * Refuses parameters that are NaN or infinite (a model saved after it diverged): no curvature or monitor
     * quantity of such a model is defined.
     *
     * @throws IllegalArgumentException naming the file, how many values are not finite and the first of them
     */
    public static void requireFinite(double[] values, Path file) {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException(file + ": " + bad + " of " + values.length + " parameters are NaN or"
                    + " infinite (the first at index " + first + ", " + values[first] + "): the model diverged before"
                    + " it was saved");
        }
    }
}
