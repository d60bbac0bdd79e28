package org.overparam.dashboard.internal;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The only way a name from a URL becomes a path: a run id or a file name is one path segment of
 * letters, digits, {@code . _ -}, not starting with a dot (so no {@code ..}, no slash, no absolute
 * path), and the path it gives must stay inside its folder.
 */
final class SafePaths {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    private SafePaths() {
    }

    /** Refused names: the API answers 400. */
    static final class BadName extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadName(String message) {
            super(message);
        }
    }

    /**
     * @param name a run id or file name from a URL
     * @return it, if it is one safe segment
     * @throws BadName otherwise
     */
    static String segment(String name) {
        if (name == null || !SEGMENT.matcher(name).matches()) {
            throw new BadName("not a run id or file name: '" + (name == null ? "" : name) + "'");
        }
        return name;
    }

    /**
     * @param folder a folder
     * @param name a name checked by {@link #segment}
     * @return the file {@code name} in {@code folder}
     * @throws BadName if the result would leave the folder
     */
    static Path inside(Path folder, String name) {
        Path root = folder.toAbsolutePath().normalize();
        Path p = root.resolve(segment(name)).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new BadName("'" + name + "' is outside " + root);
        }
        return p;
    }
}
