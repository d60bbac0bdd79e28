package org.overparam.experiment.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overparam.api.InvalidInputException;

/**
 * Paths in component parameters. A string parameter named {@code file} or {@code dir}, or ending in
 * {@code File} or {@code Dir} ({@code dataset.file}, {@code dataset.testFile},
 * {@code initializer.file}, {@code initializer.lambdaFile}, {@code dataset.dir}), is a path. A
 * relative path written in a file (the experiment, an included file, a fragment) resolves against
 * that file's folder, as includes do; one given on the command line against the folder the command
 * runs in; an absolute path is kept. A file parameter's file must exist: if it does not, the error
 * names the parameter and where it was written, not the value alone. A {@code #tensor} suffix after
 * {@code .safetensors} (one tensor of the file) is kept and is not part of the path.
 */
final class PathParams {
    private static final Pattern LOCATED = Pattern.compile("(.+?):(\\d+)(?::.*)?");

    private PathParams() {
    }

    /**
     * @param name a parameter's name
     * @return whether it holds a path
     */
    static boolean isPath(String name) {
        return isFile(name) || name.equals("dir") || name.endsWith("Dir");
    }

    /**
     * @param name a parameter's name
     * @return whether it holds a path to a file that must exist
     */
    static boolean isFile(String name) {
        return name.equals("file") || name.endsWith("File");
    }

    /**
     * @param where where the value was written: {@code file:line}, {@code override '...'} or a shipped
     *     fragment's location
     * @return the folder relative paths written there start at, or {@code null} for the working folder
     */
    static Path folder(String where) {
        if (where == null || where.startsWith("override '") || where.startsWith(FragmentLibrary.SHIPPED)) {
            return null;
        }
        Matcher m = LOCATED.matcher(where);
        if (!m.matches()) {
            return null;
        }
        try {
            return Path.of(m.group(1)).toAbsolutePath().normalize().getParent();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * @param value the value as written; blank values (an unset optional file) are returned as they are
     * @param where where it was written
     * @param param the parameter's path for messages, e.g. {@code dataset.file}
     * @param mustExist whether the file must exist ({@link #isFile})
     * @return the value with its path made absolute against {@link #folder}
     * @throws InvalidInputException naming {@code where: param} if the path is invalid or the file is missing
     */
    static String resolve(String value, String where, String param, boolean mustExist) {
        if (value.isBlank()) {
            return value;
        }
        int hash = value.lastIndexOf('#');
        if (hash > 0 && !value.substring(0, hash).endsWith(".safetensors")) {
            hash = -1;
        }
        String pathText = hash > 0 ? value.substring(0, hash) : value;
        String suffix = hash > 0 ? value.substring(hash) : "";
        Path folder = folder(where);
        Path resolved;
        try {
            Path p = Path.of(pathText);
            resolved = p.isAbsolute() ? p : (folder == null ? p.toAbsolutePath() : folder.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException(where + ": " + param, "'" + value + "' is not a valid path: " + e.getReason());
        }
        if (mustExist && !Files.isRegularFile(resolved)) {
            String start = folder == null ? "relative paths on the command line start at the working folder"
                    : "relative paths start at the folder of the file that names them";
            throw new InvalidInputException(where + ": " + param, (Files.isDirectory(resolved) ? "'" + pathText
                    + "' is a folder, not a file" : "file '" + pathText + "' not found") + " (looked for " + resolved
                    + "; " + start + ")");
        }
        return resolved + suffix;
    }
}
