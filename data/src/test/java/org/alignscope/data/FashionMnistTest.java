package org.alignscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** On Debian's installed files (apt-get install dataset-fashion-mnist). */
class FashionMnistTest {

    private static void assumeInstalled() {
        assumeTrue(Files.isRegularFile(FashionMnist.DEFAULT_FOLDER.resolve(FashionMnist.Split.TRAIN.imagesFile())),
                "dataset-fashion-mnist is not installed");
    }

    @Test
    void realFilesHaveTheKnownSizesAndClassCounts() {
        assumeInstalled();
        FashionMnist.Raw train = FashionMnist.readRaw(null, FashionMnist.Split.TRAIN);
        FashionMnist.Raw test = FashionMnist.readRaw(null, FashionMnist.Split.TEST);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(60_000 * 784, train.pixels().length);
        int[] trainCounts = new int[10];
        int[] testCounts = new int[10];
        for (int l : train.labels()) {
            trainCounts[l]++;
        }
        for (int l : test.labels()) {
            testCounts[l]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(6000, trainCounts[c]);
            assertEquals(1000, testCounts[c]);
        }
        assertEquals(9, train.labels()[0], "the first training image is an ankle boot");
    }

    @Test
    void standardConventionBalancedSubsetCentredByTrainingMean() {
        assumeInstalled();
        Preprocessing.TrainTest tt = FashionMnist.standard(null, 5000);
        Dataset train = tt.train();
        Dataset test = tt.test();
        assertEquals(5000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {1, 28, 28}, train.sampleShape());
        assertEquals(784, train.featureCount());
        assertEquals(10, train.classCount());
        for (int c : train.classCounts()) {
            assertEquals(500, c);
        }
        // the subset is the first 500 of each class in file order
        FashionMnist.Raw raw = FashionMnist.readRaw(null, FashionMnist.Split.TRAIN);
        int[] idx = Subsets.classBalancedIndices(raw.labels(), 10, 5000);
        int[] seen = new int[10];
        int next = 0;
        for (int i = 0; i < raw.size() && next < 5000; i++) {
            int c = raw.labels()[i];
            if (seen[c]++ < 500) {
                assertEquals(i, idx[next++]);
            }
        }
        // centred: the training mean is zero per pixel; test uses the same (training) mean
        double[] m = Preprocessing.featureMean(train);
        for (double x : m) {
            assertEquals(0.0, x, 1e-12);
        }
        Dataset rawTest = FashionMnist.load(null, FashionMnist.Split.TEST);
        double[] mean = tt.trainMean();
        for (int j = 0; j < 784; j += 97) {
            assertEquals(rawTest.features()[j] - mean[j], test.features()[j], 1e-15);
            assertTrue(mean[j] >= 0 && mean[j] <= 1);
        }
        assertFalse(java.util.Arrays.equals(Preprocessing.featureMean(rawTest), mean));
        // pixels/255: the uncentred values are in [0, 1] and multiples of 1/255
        Dataset uncentred = FashionMnist.loadBalanced(null, FashionMnist.Split.TRAIN, 100);
        for (double x : uncentred.features()) {
            assertTrue(x >= 0 && x <= 1);
            assertEquals(Math.rint(x * 255), x * 255, 1e-9);
        }
    }

    @Test
    void unbalancedRequestsAreRejectedClearly() {
        assumeInstalled();
        DataException e = assertThrows(DataException.class,
                () -> FashionMnist.loadBalanced(null, FashionMnist.Split.TRAIN, 5005));
        assertTrue(e.getMessage().contains("multiple of the class count 10"), e.getMessage());
        e = assertThrows(DataException.class, () -> FashionMnist.loadBalanced(null, FashionMnist.Split.TEST, 20_000));
        assertTrue(e.getMessage().contains("has only 1000 samples"), e.getMessage());
    }
}
