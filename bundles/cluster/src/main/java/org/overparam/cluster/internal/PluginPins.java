package org.overparam.cluster.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunSpec;

/**
 * Plugin jars pinned by SHA-256. The coordinator lists, for each run, the jar of every component it
 * uses ({@code kind name bundle@version sha256}, one per line) and puts those jars into the cluster; a
 * member checks each against the jar it has installed, and when they differ installs the pinned one
 * from the cluster into its plugins folder (the container's hot deploy replaces the bundle) and waits
 * for the bundle to be updated. A member that cannot (the jar was not shipped, its bytes do not hash to
 * the pin, or the update did not happen in time) refuses the run with one line: a run never runs with
 * another jar than the pinned one.
 */
final class PluginPins {
    private static final long UPDATE_WAIT_MILLIS = 30_000;
    private static final long RETURN_WAIT_MILLIS = 10_000;
    private final ComponentRegistry registry;
    private final BundleContext context;
    private final Maps maps;
    private final Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();

    PluginPins(ComponentRegistry registry, BundleContext context, Maps maps) {
        this.registry = registry;
        this.context = context;
        this.maps = maps;
    }

    /**
     * @param spec a run
     * @param jarsOut receives the bytes of each jar by SHA-256, to put into the cluster
     * @return its pins, one line per component jar
     */
    String needs(RunSpec spec, Map<String, byte[]> jarsOut) {
        Set<ComponentRef> refs = new LinkedHashSet<>(spec.componentRefs());
        StringBuilder b = new StringBuilder();
        for (ComponentRef r : refs) {
            Optional<ComponentInfo> info = registry.find(r.kind(), r.name());
            Optional<Path> jar = registry.bundleFile(r.kind(), r.name());
            if (info.isEmpty() || jar.isEmpty() || !Files.isRegularFile(jar.get())) {
                continue;
            }
            byte[] bytes = read(jar.get());
            String sha = sha256(bytes);
            jarsOut.putIfAbsent(sha, bytes);
            b.append(r.kind().key()).append(' ').append(r.name()).append(' ').append(info.get().bundle()).append('@')
                    .append(info.get().version()).append(' ').append(sha).append('\n');
        }
        return b.toString();
    }

    /**
     * Makes this member's jars those a run pins, fetching and installing any that differ. The pins are
     * read under the same lock as {@link #install(String)} takes, so a run's check never puts back a jar
     * that a plugin swap on the coordinator replaced (the coordinator re-pins the runs before it pushes the
     * new jar to the members).
     *
     * @param key the run's key
     * @return {@code null} when every pinned jar is installed here, else the one-line reason to refuse
     */
    synchronized String check(String key) {
        return match(maps.needs.get(key));
    }

    /**
     * Installs the jars of the pins the coordinator pushed after a plugin swap (lines as {@link #needs} makes).
     *
     * @param pins the pins
     * @return {@code null} when they are installed here, else the one-line reason they are not
     */
    synchronized String installPushed(String pins) {
        return match(pins);
    }

    private String match(String needs) {
        if (needs == null) {
            return null;
        }
        for (String line : needs.split("\n")) {
            String[] f = line.split(" ");
            if (f.length != 4) {
                continue;
            }
            ComponentKind kind = kind(f[0]);
            if (kind == null) {
                return "unknown component kind '" + f[0] + "' in the run's pins";
            }
            Optional<Path> jar = installedJar(kind, f[1]);
            String have = jar.filter(Files::isRegularFile).map(this::hashOf).orElse(null);
            if (f[3].equals(have)) {
                continue;
            }
            String reason = install(kind, f[1], f[2], f[3], jar.orElse(null), have);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /**
     * The jar of the bundle that provides a component here, waiting (up to {@value #RETURN_WAIT_MILLIS} ms)
     * while the component is missing: a bundle that was just updated (a pinned jar installed) is restarted
     * once more by the framework's refresh right after, and for that moment its components are gone; a run
     * checked then was refused for "no jar" (ClusterSweepIT's swap test, once on CI).
     */
    private Optional<Path> installedJar(ComponentKind kind, String name) {
        long end = System.nanoTime() + RETURN_WAIT_MILLIS * 1_000_000;
        Optional<Path> jar = registry.bundleFile(kind, name);
        while (jar.isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            jar = registry.bundleFile(kind, name);
        }
        return jar;
    }

    private String install(ComponentKind kind, String name, String bundle, String sha, Path installed, String have) {
        String what = "plugin " + bundle + " (" + kind.key() + " " + name + ") pinned to SHA-256 " + sha.substring(0, 12)
                + "…, this member has " + (have == null ? "no jar of it" : have.substring(0, 12) + "…");
        byte[] pinned = maps.jars.get(sha);
        if (pinned == null) {
            return what + " and the coordinator did not ship the pinned jar";
        }
        if (!sha256(pinned).equals(sha)) {
            return what + " and the shipped jar does not hash to the pin";
        }
        if (installed == null) {
            return what + " and no plugins folder to install it in";
        }
        Bundle b = bundleAt(installed);
        long before = b == null ? 0 : b.getLastModified();
        try {
            Path temp = installed.resolveSibling("." + installed.getFileName() + ".pinned");
            Files.write(temp, pinned);
            Files.move(temp, installed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return what + " and it cannot be installed: " + e.getMessage();
        }
        long end = System.nanoTime() + UPDATE_WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() < end) {
            Bundle now = bundleAt(installed);
            if (now != null && now.getLastModified() > before && now.getState() == Bundle.ACTIVE
                    && registry.find(kind, name).isPresent()) {
                return null;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return what + "; interrupted while the pinned jar was being installed";
            }
        }
        return what + "; the pinned jar was written to " + installed + " but the bundle was not updated within "
                + UPDATE_WAIT_MILLIS / 1000 + " s";
    }

    /** The SHA-256 of a jar, cached by path, size and modification time (checked before every run). */
    private String hashOf(Path jar) {
        try {
            String stamp = jar + "\t" + Files.size(jar) + "\t" + Files.getLastModifiedTime(jar).toMillis();
            return hashes.computeIfAbsent(stamp, k -> sha256(read(jar)));
        } catch (IOException e) {
            return null;
        }
    }

    private Bundle bundleAt(Path jar) {
        List<Bundle> found = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String loc = b.getLocation();
            if (loc != null && (loc.endsWith(jar.getFileName().toString()))) {
                found.add(b);
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static ComponentKind kind(String key) {
        for (ComponentKind k : ComponentKind.values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
