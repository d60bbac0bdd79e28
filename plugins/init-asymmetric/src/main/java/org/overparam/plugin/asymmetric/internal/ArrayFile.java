package org.overparam.plugin.asymmetric.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.linalg.io.Npy;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.SafetensorsException;
import org.overparam.linalg.io.Tensor;

/**
 * One array given by a file parameter: a numpy {@code .npy} file, or a tensor of a safetensors file
 * (the file's only tensor, or the one named after a {@code #}: {@code model.safetensors#V}). Every
 * problem is an {@link InvalidInputException} at the parameter, naming the file.
 */
final class ArrayFile {
    /**
     * @param file the file as given (the experiment reader has made it absolute)
     * @param shape the array's shape
     * @param values its values, row-major, all finite
     */
    record Array(String file, int[] shape, double[] values) {
        /** @return e.g. {@code [2000, 50]} */
        String shapeText() {
            return Arrays.toString(shape);
        }
    }

    private ArrayFile() {
    }

    /**
     * @param value the parameter's value: a path, or {@code path.safetensors#tensor}
     * @param param the parameter's name, e.g. {@code lambdaFile}
     * @return the array
     * @throws InvalidInputException at {@code param} if the file is missing, unreadable, ambiguous or
     *     holds a non-finite value
     */
    static Array read(String value, String param) {
        int hash = value.lastIndexOf('#');
        boolean named = hash > 0 && value.substring(0, hash).endsWith(".safetensors");
        String pathText = named ? value.substring(0, hash) : value;
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(param, "'" + value + "' is not a valid path: " + e.getReason());
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(param, "'" + pathText + "' " + (Files.exists(path) ? "is not a file"
                    : "not found"));
        }
        Array a;
        try {
            if (pathText.endsWith(".npy")) {
                Npy.Array n = Npy.read(Files.readAllBytes(path), pathText);
                a = new Array(pathText, n.shape(), n.values());
            } else if (pathText.endsWith(".safetensors")) {
                a = tensor(Safetensors.read(path).tensors(), pathText, named ? value.substring(hash + 1) : null, param);
            } else {
                throw new InvalidInputException(param, pathText + ": expected a .npy or .safetensors file");
            }
        } catch (SafetensorsException e) {
            throw new InvalidInputException(param, e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException(param, e.getMessage() != null && e.getMessage().startsWith(pathText)
                    ? e.getMessage() : pathText + " cannot be read: " + e.getMessage());
        }
        for (int i = 0; i < a.values().length; i++) {
            if (!Double.isFinite(a.values()[i])) {
                throw new InvalidInputException(param, pathText + " holds " + a.values()[i] + " at index " + i);
            }
        }
        return a;
    }

    private static Array tensor(Map<String, Tensor> tensors, String file, String name, String param) {
        Tensor t;
        if (name != null) {
            t = tensors.get(name);
            if (t == null) {
                throw new InvalidInputException(param, file + " has no tensor '" + name + "'; it has "
                        + tensors.keySet());
            }
        } else if (tensors.size() == 1) {
            t = tensors.values().iterator().next();
        } else {
            throw new InvalidInputException(param, file + " holds " + tensors.size() + " tensors " + tensors.keySet()
                    + "; name one after '#', e.g. " + file + "#" + (tensors.isEmpty() ? "V" : tensors.keySet().iterator()
                    .next()));
        }
        return new Array(file + (name == null ? "" : "#" + name), t.shape(), t.values());
    }
}
