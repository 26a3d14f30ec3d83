package org.alignscope.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): 28 × 28 grey images in 10 classes, 60,000 for training and 10,000 for
 * test, read from the gzip IDX files of Debian's {@code dataset-fashion-mnist} package in {@link #DEFAULT_FOLDER}
 * (any folder with the same four file names works). Nothing is downloaded.
 *
 * <p>Samples have shape {1, 28, 28}; features are pixels/255 in [0, 1]. {@link #standard} applies the full
 * AlignScope convention (balanced training subset, centring by its mean; see {@link Preprocessing}).
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEFAULT_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int CLASSES = 10;
    public static final int ROWS = 28;
    public static final int COLS = 28;
    /** Class names in label order. */
    public static final String[] CLASS_NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot"};

    /** The two splits of the files. */
    public enum Split {
        TRAIN("train"), TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        public String imagesFile() {
            return prefix + "-images-idx3-ubyte.gz";
        }

        public String labelsFile() {
            return prefix + "-labels-idx1-ubyte.gz";
        }
    }

    /** The raw images (bytes, row-major n × 784) and labels of one split. */
    public record Raw(Split split, byte[] pixels, int[] labels) {
        public int size() {
            return labels.length;
        }
    }

    private FashionMnist() {
    }

    /** Reads one split from {@code folder} ({@code null} for {@link #DEFAULT_FOLDER}), validating both files. */
    public static Raw readRaw(Path folder, Split split) {
        Path dir = folder == null ? DEFAULT_FOLDER : folder;
        Path images = dir.resolve(split.imagesFile());
        Path labels = dir.resolve(split.labelsFile());
        for (Path f : new Path[] {images, labels}) {
            if (!Files.isRegularFile(f)) {
                throw new DataException("Fashion-MNIST file " + f + " not found: install it with"
                        + " `apt-get install dataset-fashion-mnist` or pass the folder that holds "
                        + split.imagesFile() + " and " + split.labelsFile());
            }
        }
        Idx.UByteArray img = Idx.read(images, 3);
        if (img.dims()[1] != ROWS || img.dims()[2] != COLS) {
            throw new DataException(images + ": images are " + img.dims()[1] + "×" + img.dims()[2] + ", expected "
                    + ROWS + "×" + COLS);
        }
        Idx.UByteArray lab = Idx.read(labels, 1);
        if (lab.count() != img.count()) {
            throw new DataException(labels + " holds " + lab.count() + " labels but " + images + " holds "
                    + img.count() + " images");
        }
        int[] l = new int[lab.count()];
        for (int i = 0; i < l.length; i++) {
            l[i] = lab.data()[i] & 0xFF;
            if (l[i] >= CLASSES) {
                throw new DataException(labels + ": label " + l[i] + " of item " + i + " is not in 0..9");
            }
        }
        return new Raw(split, img.data(), l);
    }

    /** The whole split as a dataset of pixels/255 (60,000 training images take 376 MB as doubles). */
    public static Dataset load(Path folder, Split split) {
        Raw raw = readRaw(folder, split);
        int[] all = new int[raw.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return toDataset(raw, all, "fashion-mnist-" + split.name().toLowerCase());
    }

    /** The class-balanced n-sample subset of a split (first n/10 of each class in file order), pixels/255. */
    public static Dataset loadBalanced(Path folder, Split split, int n) {
        Raw raw = readRaw(folder, split);
        int[] idx = Subsets.classBalancedIndices(raw.labels(), CLASSES, n);
        return toDataset(raw, idx, "fashion-mnist-" + split.name().toLowerCase() + "-balanced-" + n);
    }

    /**
     * The AlignScope convention: the class-balanced {@code nTrain}-sample training subset and the full 10,000-image
     * test split, both pixels/255 and centred by the training subset's per-pixel mean.
     */
    public static Preprocessing.TrainTest standard(Path folder, int nTrain) {
        Dataset train = loadBalanced(folder, Split.TRAIN, nTrain);
        Dataset test = load(folder, Split.TEST);
        return Preprocessing.centreByTrainingMean(train, test);
    }

    /** Converts the chosen images of a raw split to a dataset of pixels/255. */
    public static Dataset toDataset(Raw raw, int[] indices, String name) {
        int p = ROWS * COLS;
        double[] f = new double[indices.length * p];
        int[] l = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            int src = i * p;
            int dst = r * p;
            for (int j = 0; j < p; j++) {
                f[dst + j] = (raw.pixels()[src + j] & 0xFF) / 255.0;
            }
            l[r] = raw.labels()[i];
        }
        return new Dataset(name, f, l, new int[] {1, ROWS, COLS}, CLASSES);
    }
}
