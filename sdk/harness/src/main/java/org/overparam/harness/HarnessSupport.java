package org.overparam.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/** What the harness does around its framework: replace a bundle by name, read a jar's name, clean up. */
final class HarnessSupport {
    private HarnessSupport() {
    }

    /**
     * Uninstalls every bundle with the jar's symbolic name and refreshes, so the jar can take its place.
     *
     * @param framework the framework
     * @param jar a bundle jar
     */
    static void makeRoomFor(Framework framework, Path jar) {
        String bsn = symbolicName(jar);
        List<Bundle> removed = new ArrayList<>();
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (b.getBundleId() != 0 && bsn.equals(b.getSymbolicName())) {
                try {
                    b.uninstall();
                    removed.add(b);
                } catch (BundleException e) {
                    throw new IllegalStateException("cannot uninstall " + bsn + " to replace it: " + e.getMessage(), e);
                }
            }
        }
        if (removed.isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(removed, e -> done.countDown());
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the refresh after removing " + bsn + " did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing", e);
        }
    }

    /**
     * @param jar a jar
     * @return its bundle symbolic name, without directives
     * @throws IllegalStateException if it is not a bundle
     */
    static String symbolicName(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest mf = j.getManifest();
            String bsn = mf == null ? null : mf.getMainAttributes().getValue("Bundle-SymbolicName");
            if (bsn == null) {
                throw new IllegalStateException(jar + " is not an OSGi bundle (no Bundle-SymbolicName)");
            }
            return bsn.split(";", 2)[0].strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** Deletes a folder and everything in it, if it exists. @param dir the folder */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
