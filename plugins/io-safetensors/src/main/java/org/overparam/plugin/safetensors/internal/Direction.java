package org.overparam.plugin.safetensors.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntPredicate;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.SafetensorsException;
import org.overparam.linalg.io.Tensor;
import org.overparam.linalg.io.TensorFile;

/**
 * The direction {@code v} of the {@code hvp} analyzer, in raw coordinates, zero in frozen blocks:
 * read from a safetensors file (one tensor per trainable block, the block's name and shape; tensors
 * of frozen blocks may be there and are ignored), or drawn at random: independent standard normal
 * entries in the trainable blocks, scaled to Euclidean norm 1.
 */
final class Direction {
    private static final String PARAM = "directionFile";

    private Direction() {
    }

    /**
     * @param random the stream to draw from (the same stream gives the same direction)
     * @param layout the run's layout
     * @param trainable whether a block (by position) is trained
     * @return a unit vector
     */
    static Params random(RandomStream random, Layout layout, IntPredicate trainable) {
        Params v = Params.zeros(layout);
        for (int i = 0; i < layout.count(); i++) {
            if (trainable.test(i)) {
                random.fillGaussian(v.block(i), 1.0);
            }
        }
        double norm = v.norm();
        if (norm == 0) {
            throw new InvalidInputException(PARAM, "the run trains no parameter, so there is no direction to draw");
        }
        return v.scale(1.0 / norm);
    }

    /**
     * Checks a direction file as far as the run's setup can: it exists and is safetensors, and every
     * tensor in it is a block of the model with the block's shape and finite values (which blocks are
     * trained is known only once the run has started; {@link #read} checks that they are all there).
     *
     * @param file the {@code direction} parameter
     * @param layout the run's layout
     * @throws InvalidInputException naming {@code direction} and the file
     */
    static void check(String file, Layout layout) {
        Path path = path(file);
        fitting(load(path), path, layout);
    }

    /**
     * @param file the {@code direction} parameter: a path, relative to the working folder
     * @param layout the run's layout
     * @param trainable whether a block (by position) is trained
     * @return the direction
     * @throws InvalidInputException naming {@code direction} and the file if it is missing, unreadable or
     *     does not fit the layout
     */
    static Params read(String file, Layout layout, IntPredicate trainable) {
        Path path = path(file);
        Map<String, Tensor> tensors = fitting(load(path), path, layout);
        Params v = Params.zeros(layout);
        for (int i = 0; i < layout.count(); i++) {
            if (!trainable.test(i)) {
                continue;
            }
            String name = layout.block(i).name();
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new InvalidInputException(PARAM, path + " has no tensor '" + name + "' (a trained block of shape "
                        + Arrays.toString(layout.block(i).shape().dims()) + ")");
            }
            System.arraycopy(t.values(), 0, v.block(i), 0, t.values().length);
        }
        return v;
    }

    private static Path path(String file) {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(PARAM, "'" + file + "' is not a valid path: " + e.getReason());
        }
    }

    private static TensorFile load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(PARAM, path + (Files.exists(path) ? " is not a file" : " does not exist")
                    + " (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        }
        try {
            return Safetensors.read(path);
        } catch (SafetensorsException e) {
            throw new InvalidInputException(PARAM, e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException(PARAM, path + " cannot be read: " + e.getMessage());
        }
    }

    /** @return the file's tensors, each checked to be a block of the layout with its shape and finite values */
    private static Map<String, Tensor> fitting(TensorFile f, Path path, Layout layout) {
        for (Map.Entry<String, Tensor> e : f.tensors().entrySet()) {
            String name = e.getKey();
            Tensor t = e.getValue();
            if (!layout.names().contains(name)) {
                throw new InvalidInputException(PARAM, path + ": tensor '" + name + "' is not a block of the model;"
                        + " its blocks: " + layout.names());
            }
            int[] dims = layout.block(layout.indexOf(name)).shape().dims();
            if (!Arrays.equals(t.shape(), dims)) {
                throw new InvalidInputException(PARAM, path + ": tensor '" + name + "' has shape " + t.shapeText()
                        + " but the block is " + Arrays.toString(dims));
            }
            for (int j = 0; j < t.values().length; j++) {
                if (!Double.isFinite(t.values()[j])) {
                    throw new InvalidInputException(PARAM, path + ": tensor '" + name + "' holds " + t.values()[j]
                            + " at flat index " + j);
                }
            }
        }
        return f.tensors();
    }
}
