package org.alignscope.curvature;

import static org.alignscope.curvature.HessianSettings.DATA;
import static org.alignscope.curvature.HessianSettings.DATA_PATH;
import static org.alignscope.curvature.HessianSettings.DATA_SEED;
import static org.alignscope.curvature.HessianSettings.LABEL_COLUMN;
import static org.alignscope.curvature.HessianSettings.N;

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

/**
 * The reference set whose mean loss a curvature run analyses, with a description of exactly which samples it
 * holds (for the manifest).
 *
 * <ul>
 *   <li>{@code fashion-mnist}: the class-balanced n-sample training subset (first n/10 images of each class in
 *       file order), pixels/255 centred by that subset's per-pixel mean (the AlignScope convention).</li>
 *   <li>{@code synthetic}: n samples of the Gaussian mixture with the model's input size and class count
 *       (labels i mod C, so balanced), separation {@value HessianSettings#SYNTHETIC_SEPARATION}, noise
 *       {@value HessianSettings#SYNTHETIC_NOISE}, used as generated.</li>
 *   <li>{@code csv:PATH}: the class-balanced n-sample subset of the file, features used as given.</li>
 * </ul>
 *
 * @param dataset     the samples
 * @param description what they are, for the manifest (source, rule, preprocessing, indices)
 */
public record ReferenceData(Dataset dataset, Map<String, Object> description) {

    /**
     * Loads the reference set for a model with {@code inputs} features and {@code classes} outputs.
     *
     * @throws org.alignscope.settings.SettingError naming the setting at fault (missing or malformed files, n not a multiple
     *                                  of the class count, a class too small, sizes that do not fit the model)
     */
    public static ReferenceData load(HessianSettings s, int inputs, int classes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", s.get(DATA));
        Dataset ds;
        if (s.get(DATA).equals("fashion-mnist")) {
            if (inputs != FashionMnist.ROWS * FashionMnist.COLS) {
                throw DATA.invalid("fashion-mnist images have 784 pixels but the model takes " + inputs + " inputs");
            }
            if (classes != FashionMnist.CLASSES) {
                throw DATA.invalid("fashion-mnist has 10 classes but the model has " + classes + " outputs");
            }
            checkMultiple(s.get(N), FashionMnist.CLASSES);
            FashionMnist.Raw raw;
            try {
                raw = FashionMnist.readRaw(s.get(DATA_PATH), FashionMnist.Split.TRAIN);
            } catch (DataException e) {
                throw (s.get(DATA_PATH) != null ? DATA_PATH : DATA).invalid(e.getMessage());
            }
            int[] idx = indices(raw.labels(), FashionMnist.CLASSES, s.get(N));
            Dataset pixels = FashionMnist.toDataset(raw, idx, "fashion-mnist-train-balanced-" + s.get(N));
            ds = Preprocessing.subtract(pixels, Preprocessing.featureMean(pixels));
            d.put("folder", (s.get(DATA_PATH) == null ? FashionMnist.DEFAULT_FOLDER : s.get(DATA_PATH)).toString());
            d.put("split", "train");
            d.put("rule", "class-balanced: the first n/10 images of each class in file order, kept in file order");
            d.put("preprocessing", "pixels/255, centred by the per-pixel mean of this subset");
            d.put("indices", idx);
        } else if (s.get(DATA).equals("synthetic")) {
            checkMultiple(s.get(N), classes);
            ds = GaussianMixture.generate(s.get(N), inputs, classes, HessianSettings.SYNTHETIC_SEPARATION,
                    HessianSettings.SYNTHETIC_NOISE, s.get(DATA_SEED));
            d.put("rule", "Gaussian mixture, sample i has label i mod C");
            d.put("separation", HessianSettings.SYNTHETIC_SEPARATION);
            d.put("noise", HessianSettings.SYNTHETIC_NOISE);
            d.put("seed", s.get(DATA_SEED));
            d.put("preprocessing", "none");
        } else {
            Path file = Path.of(s.get(DATA).substring(4));
            CsvDataset.Result r;
            try {
                r = CsvDataset.read(file, s.get(LABEL_COLUMN));
            } catch (DataException e) {
                throw DATA.invalid(e.getMessage());
            }
            Dataset all = r.dataset();
            if (all.featureCount() != inputs) {
                throw DATA.invalid(file + " has " + all.featureCount() + " feature columns but the model takes "
                        + inputs + " inputs");
            }
            if (all.classCount() > classes) {
                throw DATA.invalid(file + " has " + all.classCount() + " classes but the model has " + classes
                        + " outputs");
            }
            checkMultiple(s.get(N), all.classCount());
            int[] idx = indices(all.labels(), all.classCount(), s.get(N));
            ds = all.select(idx, file.getFileName() + "-balanced-" + s.get(N));
            d.put("file", file.toString());
            d.put("label_column", s.get(LABEL_COLUMN));
            d.put("class_names", r.classNames());
            d.put("rule", "class-balanced: the first n/C rows of each class in file order, kept in file order");
            d.put("preprocessing", "none");
            d.put("indices", idx);
        }
        d.put("name", ds.name());
        d.put("n", ds.size());
        d.put("classes", ds.classCount());
        d.put("features", ds.featureCount());
        return new ReferenceData(ds, d);
    }

    private static void checkMultiple(int n, int classes) {
        if (n % classes != 0) {
            throw N.invalid("a class-balanced subset needs a multiple of the " + classes + " classes, got " + n);
        }
    }

    private static int[] indices(int[] labels, int classes, int n) {
        try {
            return Subsets.classBalancedIndices(labels, classes, n);
        } catch (DataException e) {
            throw N.invalid(e.getMessage());
        }
    }
}
