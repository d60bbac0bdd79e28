package org.overparam.harness;

import java.nio.file.Path;

/** The jars of shipped plugins on the test's class path. */
final class Jars {
    private Jars() {
    }

    /**
     * @param symbolicName a bundle on the class path
     * @return its jar
     */
    static Path of(String symbolicName) {
        ClassPathBundles.Entry e = ClassPathBundles.scan(Jars.class.getClassLoader()).get(symbolicName);
        if (e == null) {
            throw new AssertionError(symbolicName + " is not on the test class path");
        }
        return e.path();
    }

    /** @return the jar of the shipped {@code gd} plugin (optim-gd) */
    static Path gd() {
        return of("org.overparam.plugin.optim.gd");
    }
}
