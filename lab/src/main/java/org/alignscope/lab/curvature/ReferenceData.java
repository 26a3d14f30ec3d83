package org.alignscope.lab.curvature;

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
     * @throws IllegalArgumentException naming the option at fault (missing or malformed files, n not a multiple
     *                                  of the class count, a class too small, sizes that do not fit the model)
     */
    public static ReferenceData load(HessianSettings s, int inputs, int classes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", s.data());
        Dataset ds;
        if (s.data().equals("fashion-mnist")) {
            String option = s.dataPath() != null ? "--data-path" : "--data fashion-mnist";
            if (inputs != FashionMnist.ROWS * FashionMnist.COLS) {
                throw new IllegalArgumentException("--data fashion-mnist: images have 784 pixels but the model takes "
                        + inputs + " inputs");
            }
            if (classes != FashionMnist.CLASSES) {
                throw new IllegalArgumentException("--data fashion-mnist: 10 classes but the model has " + classes
                        + " outputs");
            }
            checkMultiple(s.n(), FashionMnist.CLASSES);
            FashionMnist.Raw raw;
            try {
                raw = FashionMnist.readRaw(s.dataPath(), FashionMnist.Split.TRAIN);
            } catch (DataException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
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
            ds = GaussianMixture.generate(s.n(), inputs, classes, HessianSettings.SYNTHETIC_SEPARATION,
                    HessianSettings.SYNTHETIC_NOISE, s.dataSeed());
            d.put("rule", "Gaussian mixture, sample i has label i mod C");
            d.put("separation", HessianSettings.SYNTHETIC_SEPARATION);
            d.put("noise", HessianSettings.SYNTHETIC_NOISE);
            d.put("seed", s.dataSeed());
            d.put("preprocessing", "none");
        } else {
            Path file = Path.of(s.data().substring(4));
            CsvDataset.Result r;
            try {
                r = CsvDataset.read(file, s.labelColumn());
            } catch (DataException e) {
                throw new IllegalArgumentException("--data: " + e.getMessage(), e);
            }
            Dataset all = r.dataset();
            if (all.featureCount() != inputs) {
                throw new IllegalArgumentException("--data: " + file + " has " + all.featureCount()
                        + " feature columns but the model takes " + inputs + " inputs");
            }
            if (all.classCount() > classes) {
                throw new IllegalArgumentException("--data: " + file + " has " + all.classCount()
                        + " classes but the model has " + classes + " outputs");
            }
            checkMultiple(s.n(), all.classCount());
            int[] idx = indices(all.labels(), all.classCount(), s.n());
            ds = all.select(idx, file.getFileName() + "-balanced-" + s.n());
            d.put("file", file.toString());
            d.put("label_column", s.labelColumn());
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
            throw new IllegalArgumentException("--n: a class-balanced subset needs a multiple of the " + classes
                    + " classes, got " + n);
        }
    }

    private static int[] indices(int[] labels, int classes, int n) {
        try {
            return Subsets.classBalancedIndices(labels, classes, n);
        } catch (DataException e) {
            throw new IllegalArgumentException("--n: " + e.getMessage(), e);
        }
    }
}
