package org.alignscope.curvature;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.data.CsvDataset;
import org.alignscope.data.DataException;
import org.alignscope.data.Dataset;
import org.alignscope.data.FashionMnist;
import org.alignscope.data.GaussianMixture;
import org.alignscope.data.Preprocessing;
import org.alignscope.data.Subsets;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/**
 * The reference set of a command that evaluates a network on a data set ({@code alignscope hessian}, {@code
 * alignscope monitor --model-checkpoint}), with a description of exactly which samples it holds (for the manifest).
 * The settings that choose it ({@link #DATA} … {@link #N}) are declared here, once, and listed by each such command.
 *
 * <ul>
 *   <li>{@code fashion-mnist}: the class-balanced n-sample training subset (first n/10 images of each class in
 *       file order), pixels/255 centred by that subset's per-pixel mean (the AlignScope convention).</li>
 *   <li>{@code synthetic}: n samples of the Gaussian mixture with the model's input size and class count
 *       (labels i mod C, so balanced), separation {@value #SYNTHETIC_SEPARATION}, noise
 *       {@value #SYNTHETIC_NOISE}, used as generated.</li>
 *   <li>{@code csv:PATH}: the class-balanced n-sample subset of the file, features used as given.</li>
 *   <li>{@code npy:FEATURES,LABELS}: the same of two NumPy files, features of shape [N, …] (float) and integer
 *       labels of shape [N] ({@link NpyData}).</li>
 * </ul>
 *
 * @param dataset     the samples
 * @param description what they are, for the manifest (source, rule, preprocessing, indices)
 */
public record ReferenceData(Dataset dataset, Map<String, Object> description) {
    /** Separation and noise of the synthetic mixture (see {@code GaussianMixture}). */
    public static final double SYNTHETIC_SEPARATION = 3.0;
    public static final double SYNTHETIC_NOISE = 1.0;
    /** The sources {@link #DATA} allows. */
    public static final String SOURCES = "fashion-mnist, synthetic, csv:PATH or npy:FEATURES,LABELS";

    public static final Setting<String> DATA = Setting.of("data",
            Types.parsed(SOURCES, ReferenceData::dataSource, s -> s),
            "fashion-mnist", "The reference set's source.");
    public static final Setting<Path> DATA_PATH = Setting.optional("data_path", Types.path(),
            "Debian's /usr/share/datasets/fashion-mnist", "Folder of the Fashion-MNIST IDX files.");
    public static final Setting<String> LABEL_COLUMN = Setting.of("label_column", Types.text("a column name"),
            "label", "Label column of a CSV file.");
    public static final Setting<Long> DATA_SEED = Setting.of("data_seed", Types.anyLong(), 1L,
            "Seed of --data synthetic.");
    public static final Setting<Integer> N = Setting.of("n", Types.integerFrom(1), 5000,
            "Samples in the class-balanced reference set, a multiple of the class count.").in("samples");

    /**
     * The resolved values of {@link #DATA} … {@link #N}, checked for the rule between them: a data folder for
     * Fashion-MNIST only.
     */
    public record Source(String data, Path dataPath, String labelColumn, long dataSeed, int n) {
        /**
         * The source a command's settings choose.
         *
         * @throws org.alignscope.settings.SettingError naming the option at fault
         */
        public static Source of(Values values) {
            if (values.get(DATA_PATH) != null && !values.get(DATA).equals("fashion-mnist")) {
                throw values.invalid(DATA_PATH, "applies to --data fashion-mnist only");
            }
            return new Source(values.get(DATA), values.get(DATA_PATH), values.get(LABEL_COLUMN),
                    values.get(DATA_SEED), values.get(N));
        }
    }

    /**
     * Loads the reference set for a model with {@code inputs} features and {@code classes} outputs.
     *
     * @throws org.alignscope.settings.SettingError naming the setting at fault (missing or malformed files, n not a multiple
     *                                  of the class count, a class too small, sizes that do not fit the model)
     */
    public static ReferenceData load(Source s, int inputs, int classes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", s.data());
        Dataset ds;
        if (s.data().equals("fashion-mnist")) {
            if (inputs != FashionMnist.ROWS * FashionMnist.COLS) {
                throw DATA.invalid("fashion-mnist images have 784 pixels but the model takes " + inputs + " inputs");
            }
            if (classes != FashionMnist.CLASSES) {
                throw DATA.invalid("fashion-mnist has 10 classes but the model has " + classes + " outputs");
            }
            checkMultiple(s.n(), FashionMnist.CLASSES);
            FashionMnist.Raw raw;
            try {
                raw = FashionMnist.readRaw(s.dataPath(), FashionMnist.Split.TRAIN);
            } catch (DataException e) {
                throw (s.dataPath() != null ? DATA_PATH : DATA).invalid(e.getMessage());
            }
            int[] idx = indices(raw.labels(), FashionMnist.CLASSES, s.n());
            Dataset pixels = FashionMnist.toDataset(raw, idx, "fashion-mnist-train-balanced-" + s.n());
            ds = Preprocessing.subtract(pixels, Preprocessing.featureMean(pixels));
            d.put("folder", (s.dataPath() == null ? FashionMnist.DEFAULT_FOLDER : s.dataPath()).toString());
            d.put("split", "train");
            d.put("rule", "class-balanced: the first n/10 images of each class in file order, kept in file order");
            d.put("preprocessing", "pixels/255, centred by the per-pixel mean of this subset");
            d.put("indices", idx);
        } else if (s.data().equals("synthetic")) {
            checkMultiple(s.n(), classes);
            ds = GaussianMixture.generate(s.n(), inputs, classes, SYNTHETIC_SEPARATION,
                    SYNTHETIC_NOISE, s.dataSeed());
            d.put("rule", "Gaussian mixture, sample i has label i mod C");
            d.put("separation", SYNTHETIC_SEPARATION);
            d.put("noise", SYNTHETIC_NOISE);
            d.put("seed", s.dataSeed());
            d.put("preprocessing", "none");
        } else if (s.data().startsWith("csv:")) {
            Path file = Path.of(s.data().substring(4));
            CsvDataset.Result r;
            try {
                r = CsvDataset.read(file, s.labelColumn());
            } catch (DataException e) {
                throw DATA.invalid(e.getMessage());
            }
            ds = balanced(r.dataset(), file.toString(), s.n(), inputs, classes, d);
            d.put("file", file.toString());
            d.put("label_column", s.labelColumn());
            d.put("class_names", r.classNames());
        } else {
            String[] files = s.data().substring(4).split(",", 2);
            ds = balanced(NpyData.read(Path.of(files[0]), Path.of(files[1])), files[0], s.n(), inputs, classes, d);
            d.put("features_file", files[0]);
            d.put("labels_file", files[1]);
        }
        d.put("name", ds.name());
        d.put("n", ds.size());
        d.put("classes", ds.classCount());
        d.put("features", ds.featureCount());
        return new ReferenceData(ds, d);
    }

    /**
     * The class-balanced n-sample subset of a data set read from {@code file} (the first n/C samples of each class in
     * file order, kept in file order, features used as given), checked against the model's inputs and outputs.
     */
    private static Dataset balanced(Dataset all, String file, int n, int inputs, int classes, Map<String, Object> d) {
        if (all.featureCount() != inputs) {
            throw DATA.invalid(file + " has " + all.featureCount() + " features per sample but the model takes "
                    + inputs + " inputs");
        }
        if (all.classCount() > classes) {
            throw DATA.invalid(file + " has " + all.classCount() + " classes but the model has " + classes
                    + " outputs");
        }
        checkMultiple(n, all.classCount());
        int[] idx = indices(all.labels(), all.classCount(), n);
        d.put("rule", "class-balanced: the first n/C samples of each class in file order, kept in file order");
        d.put("preprocessing", "none");
        d.put("indices", idx);
        return all.select(idx, Path.of(file).getFileName() + "-balanced-" + n);
    }

    private static void checkMultiple(int n, int classes) {
        if (n % classes != 0) {
            throw N.invalid("a class-balanced subset needs a multiple of the " + classes + " classes, got " + n);
        }
    }

    private static String dataSource(String text) {
        if (!(text.equals("fashion-mnist") || text.equals("synthetic") || text.startsWith("csv:")
                || text.startsWith("npy:"))) {
            throw new IllegalArgumentException("must be " + SOURCES + " (got '" + text + "')");
        }
        if (text.equals("csv:")) {
            throw new IllegalArgumentException("csv: needs a file, e.g. csv:mydata.csv");
        }
        if (text.startsWith("npy:") && !text.matches("npy:[^,]+,[^,]+")) {
            throw new IllegalArgumentException("npy: needs two files, the features and the labels, e.g."
                    + " npy:x.npy,y.npy (got '" + text + "')");
        }
        return text;
    }

    private static int[] indices(int[] labels, int classes, int n) {
        try {
            return Subsets.classBalancedIndices(labels, classes, n);
        } catch (DataException e) {
            throw N.invalid(e.getMessage());
        }
    }
}
