package org.overparam.plugin.idx.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.overparam.api.InvalidInputException;

/**
 * Finds the IDX files: a name is looked up in the folder as given and then with {@code .gz}
 * appended (an absolute name ignores the folder). A missing folder or file says how to get the
 * default data: install Debian's {@code dataset-fashion-mnist} package, or point {@code dataset.dir}
 * elsewhere.
 */
final class Locator {
    static final String HOW = "install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist)"
            + " or set dataset.dir to a folder holding the IDX files";

    private Locator() {
    }

    /**
     * @param dir the folder parameter
     * @return the folder
     * @throws InvalidInputException naming {@code dir} if it does not exist
     */
    static Path folder(String dir) {
        Path p = path("dir", dir);
        if (!Files.isDirectory(p)) {
            throw new InvalidInputException("dir", "folder " + p + (Files.exists(p) ? " is not a folder" : " does not exist")
                    + ": " + HOW);
        }
        return p;
    }

    /**
     * @param dir the folder
     * @param name a file name parameter's value
     * @param param that parameter, for errors
     * @return the file: {@code dir/name} if it exists, else {@code dir/name.gz}
     * @throws InvalidInputException located at the file if neither exists
     */
    static Path file(Path dir, String name, String param) {
        Path p = dir.resolve(path(param, name));
        if (Files.isRegularFile(p)) {
            return p;
        }
        Path gz = p.resolveSibling(p.getFileName() + ".gz");
        if (!name.endsWith(".gz") && Files.isRegularFile(gz)) {
            return gz;
        }
        throw new InvalidInputException(p.toString(), "file not found" + (name.endsWith(".gz") ? "" : " (nor "
                + gz.getFileName() + ")") + ": " + HOW + ", or set dataset." + param);
    }

    private static Path path(String param, String value) {
        if (value.isBlank()) {
            throw new InvalidInputException(param, "is empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(param, "'" + value + "' is not a valid path: " + e.getReason());
        }
    }
}
