package org.overparam.engine.internal.swap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Logger;
import java.util.zip.ZipException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * Jars in the watched plugins folder that are not readable bundles (random bytes, a truncated or
 * corrupt copy, a plain jar without {@code Bundle-SymbolicName}): why each one is not, said once per
 * version of the file in one line of the container log ({@code java.util.logging}, on standard error:
 * the terminal or shell), and remembered with the bundle it replaced, so that a run pausing for a
 * component of that bundle can say the jar was unreadable. A DS component: one instance per engine
 * bundle revision, shared by the {@link PluginDeployer} (which marks and clears jars) and the runs'
 * {@link StepGate}s (which read it).
 */
@Component(service = UnreadableJars.class)
public final class UnreadableJars {
    private static final Logger LOG = Logger.getLogger("org.overparam.engine");
    private final Map<String, Entry> byFile = new ConcurrentHashMap<>();
    private final Map<String, String> logged = new ConcurrentHashMap<>();

    /**
     * An unreadable jar.
     *
     * @param file its path
     * @param reason why it is not a readable bundle
     * @param replaced the symbolic name of the bundle installed from that file before, or empty
     */
    record Entry(String file, String reason, String replaced) {
    }


    /**
     * Reads the whole jar (every entry, so that a truncated or corrupt copy is caught by its checksums).
     *
     * @param jar a file
     * @return why it is not a readable bundle, or {@code null} if it is one
     */
    static String problem(File jar) {
        if (jar.length() == 0) {
            return "the file is empty";
        }
        try (JarFile f = new JarFile(jar, true)) {
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                try (InputStream in = f.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ex) {
                    return "it is truncated or corrupt (entry " + entry.getName() + ": " + words(ex) + ")";
                }
            }
            Manifest mf = f.getManifest();
            if (mf == null) {
                return "it has no META-INF/MANIFEST.MF, so it is not an OSGi bundle";
            }
            if (mf.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                return "its manifest has no Bundle-SymbolicName, so it is not an OSGi bundle";
            }
            return null;
        } catch (ZipException e) {
            return "it is not a jar (zip) file, or a truncated copy of one (" + words(e) + ")";
        } catch (IOException | SecurityException e) {
            return "it cannot be read (" + words(e) + ")";
        }
    }

    /**
     * Remembers an unreadable jar and logs it, once per version of the file.
     *
     * @param jar the file
     * @param reason why it is not a readable bundle
     * @param replaced the bundle installed from it before ({@code symbolic-name version}), or empty
     */
    void mark(File jar, String reason, String replaced) {
        String file = jar.getAbsolutePath();
        byFile.put(file, new Entry(file, reason, replaced));
        String version = jar.length() + "@" + jar.lastModified() + ":" + replaced;
        if (!version.equals(logged.put(file, version))) {
            LOG.warning(file + " is not a readable bundle: " + reason + "; not installed"
                    + (replaced.isEmpty() ? "" : ", and the bundle it replaced (" + replaced + ") is uninstalled:"
                    + " runs using its components pause until a readable jar is back"));
        }
    }

    /** @param jar a file that is readable again, or was deleted */
    void clear(File jar) {
        byFile.remove(jar.getAbsolutePath());
        logged.remove(jar.getAbsolutePath());
    }

    /**
     * @param bundle a bundle's symbolic name
     * @return the unreadable jar that replaced it, if one did
     */
    Optional<Entry> replacing(String bundle) {
        return byFile.values().stream().filter(e -> !bundle.isEmpty() && (e.replaced().equals(bundle)
                || e.replaced().startsWith(bundle + " "))).findFirst();
    }

    /**
     * @param jar a readable bundle jar the framework refused (e.g. a second copy of an installed bundle)
     * @param e why
     */
    void refused(File jar, Exception e) {
        LOG.warning(jar.getAbsolutePath() + " was not installed: " + words(e));
    }

    private static String words(Exception e) {
        return e.getMessage() == null ? "unreadable" : e.getMessage();
    }
}
