package org.overparam.cluster.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * A plugin swapped on the coordinator during a clustered sweep goes to every member, as a local sweep
 * would use it: the coordinator watches its bundles, and when the bundle of a pinned jar is updated (its
 * plugins folder's hot deploy, or an update from the shell) it puts the new jar into the cluster by its
 * SHA-256, re-pins every run that has no result yet to it (runs not started yet then start with the new
 * jar; a run under way that is later resumed elsewhere resumes with it), and only then pushes the new pins
 * to the members ({@link Maps#plugins}), which install the jar at once ({@link PinPush}): a run under way
 * there takes the new code at its next step boundary, as a run in a local container does.
 */
final class PluginSwaps implements BundleListener {
    private final BundleContext context;
    private final Maps maps;
    private final PrintStream err;
    private final ConcurrentLinkedQueue<Long> updated = new ConcurrentLinkedQueue<>();

    PluginSwaps(BundleContext context, Maps maps, PrintStream err) {
        this.context = context;
        this.maps = maps;
        this.err = err;
    }

    /** Starts watching this container's bundles. */
    void start() {
        context.addBundleListener(this);
    }

    /** Stops watching. */
    void stop() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the bundle is stopping: its listeners go with it
        }
    }

    @Override
    public void bundleChanged(BundleEvent e) {
        if (e.getType() == BundleEvent.UPDATED) {
            updated.add(e.getBundle().getBundleId());
        }
    }

    /**
     * Re-pins the runs for each bundle updated since the last call (called from the coordinator's loop).
     *
     * @param open the keys of the runs without a result or refusal
     */
    void apply(Collection<String> open) {
        for (Long id = updated.poll(); id != null; id = updated.poll()) {
            Bundle b = context.getBundle(id);
            Path jar = b == null ? null : file(b.getLocation());
            if (jar == null) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(jar);
            } catch (IOException e) {
                err.println("cluster: plugin " + b.getSymbolicName() + " was updated here, but its jar " + jar
                        + " cannot be read (" + e.getMessage() + "); the runs keep their pins");
                continue;
            }
            repin(b.getSymbolicName(), b.getVersion().toString(), PluginPins.sha256(bytes), bytes, open);
        }
    }

    private void repin(String bundle, String version, String sha, byte[] bytes, Collection<String> open) {
        Map<String, String> changed = new LinkedHashMap<>();
        String pushed = "";
        String before = null;
        for (String key : open) {
            String needs = maps.needs.get(key);
            if (needs == null) {
                continue;
            }
            StringBuilder now = new StringBuilder();
            for (String line : needs.split("\n")) {
                String[] f = line.split(" ");
                if (f.length == 4 && f[2].startsWith(bundle + "@") && !f[3].equals(sha)) {
                    before = f[2] + ", jar sha256 " + f[3].substring(0, 12);
                    line = f[0] + " " + f[1] + " " + bundle + "@" + version + " " + sha;
                    if (!pushed.contains(line)) {
                        pushed += line + "\n";
                    }
                }
                now.append(line).append('\n');
            }
            if (!now.toString().equals(needs)) {
                changed.put(key, now.toString());
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        maps.jars.set(sha, bytes);
        changed.forEach(maps.needs::set);
        maps.plugins.set(bundle, pushed);
        err.println("cluster: plugin " + bundle + " swapped here: now " + bundle + "@" + version + ", jar sha256 "
                + sha.substring(0, 12) + " (was " + before + "); " + changed.size() + " run(s) without a result"
                + " re-pinned to it, and every member installs it now");
    }

    /** The local jar a bundle location names ({@code file:} URI, possibly behind {@code reference:}), or null. */
    private static Path file(String location) {
        if (location == null) {
            return null;
        }
        String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        try {
            Path p = l.startsWith("file:") ? Path.of(URI.create(l)) : Path.of(l);
            return Files.isRegularFile(p) ? p : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
