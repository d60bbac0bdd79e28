package org.overparam.plugin.idx.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import org.overparam.api.InvalidInputException;
import org.overparam.api.RandomStream;

/**
 * The samples a run takes from one pair of IDX files (images and labels): the labels are read and
 * checked against the images' header and the label range, the items of the kept classes are
 * chosen ({@link Subset}), and only the chosen images are kept while the image file streams by.
 *
 * @param imageFile the images' file
 * @param images the chosen images, in sample order
 * @param positions each sample's item index in the files
 * @param labels each sample's class index in {@code [0, c)}
 */
record Split(Path imageFile, IdxReader.Images images, int[] positions, int[] labels) {

    /**
     * @param imageFile an IDX3 file
     * @param labelFile the matching IDX1 file
     * @param classes the labels to keep, in class order
     * @param labelCount labels must lie in {@code [0, labelCount)}
     * @param count how many samples
     * @param countParam the parameter that asked for them, for errors
     * @param set "training" or "test", for errors
     * @param stratified whether to share the count evenly among the classes
     * @param random the stream
     * @return the samples
     * @throws InvalidInputException located at a file (mismatched counts, a label out of range, a
     *     class absent, corrupt data) or at {@code countParam} (more samples than items)
     */
    static Split read(Path imageFile, Path labelFile, int[] classes, int labelCount, int count, String countParam,
                      String set, boolean stratified, RandomStream random) {
        int[] labels = IdxReader.labels(labelFile);
        int[] dims = IdxReader.imageShape(imageFile);
        if (dims[0] != labels.length) {
            throw IdxReader.error(imageFile, "holds " + dims[0] + " images but " + labelFile + " holds "
                    + labels.length + " labels; the two files must list the same items");
        }
        int[] classOf = new int[256];
        Arrays.fill(classOf, -1);
        for (int j = 0; j < classes.length; j++) {
            classOf[classes[j]] = j;
        }
        int[] sizes = new int[classes.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= labelCount) {
                throw IdxReader.error(labelFile, "label " + labels[i] + " of item " + i + " is out of range 0.."
                        + (labelCount - 1) + " (dataset.labels = " + labelCount + "; corrupt, or the wrong file?)");
            }
            if (classOf[labels[i]] >= 0) {
                sizes[classOf[labels[i]]]++;
            }
        }
        int total = 0;
        for (int j = 0; j < classes.length; j++) {
            if (sizes[j] == 0) {
                throw IdxReader.error(labelFile, "class " + classes[j] + " does not occur; its labels are "
                        + present(labels));
            }
            total += sizes[j];
        }
        if (count > total) {
            throw new InvalidInputException(countParam, countParam + " " + count + " is more than the " + total + " "
                    + set + " images of classes " + Arrays.toString(classes) + " in " + labelFile);
        }
        int[][] byClass = new int[classes.length][];
        for (int j = 0; j < classes.length; j++) {
            byClass[j] = new int[sizes[j]];
        }
        int[] fill = new int[classes.length];
        for (int i = 0; i < labels.length; i++) {
            int j = classOf[labels[i]];
            if (j >= 0) {
                byClass[j][fill[j]++] = i;
            }
        }
        int[][] chosen = Subset.choose(byClass, count, stratified, random);
        return new Split(imageFile, IdxReader.images(imageFile, chosen[0]), chosen[0], chosen[1]);
    }

    private static String present(int[] labels) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int l : labels) {
            s.add(l);
        }
        return s.toString();
    }
}
