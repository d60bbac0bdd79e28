package org.overparam.engine.internal.registry;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * The SHA-256 of the jar each component's bundle came from, computed once per bundle revision: the
 * cache key is the bundle's symbolic name, its version and the jar's last-modified time, so a jar
 * replaced in the plugins folder (same version, new build) is hashed again. Keys are plain strings
 * (no plugin classes are held), so the cache lives as long as the engine bundle; it keeps the
 * {@value #CACHED} most recently used revisions, so a long session of plugin updates does not grow it
 * without bound (an evicted jar is hashed again when asked for). One instance per engine: a DS component
 * that the {@code EngineRunner} passes to its runs (a run made without one hashes with its own).
 */
@Component(service = JarHashes.class)
public final class JarHashes {
    private record Key(String bundle, String version, String file, long modified) {
    }

    /** Far more bundle revisions than a container holds at once. */
    private static final int CACHED = 1024;
    private final Cache<Key, String> cache = CacheBuilder.newBuilder().maximumSize(CACHED).build();

    /**
     * @param bundle the bundle's symbolic name
     * @param version its version
     * @param jar the file it was installed from
     * @return the lower-case hexadecimal SHA-256 of the file, or an empty string if it is not a readable
     *     regular file (a bundle installed from a folder, or a file gone since)
     */
    public String sha256(String bundle, String version, Path jar) {
        try {
            if (!Files.isRegularFile(jar)) {
                return "";
            }
            Key key = new Key(bundle, version, jar.toAbsolutePath().normalize().toString(),
                    Files.getLastModifiedTime(jar).toMillis());
            String cached = cache.getIfPresent(key);
            if (cached != null) {
                return cached;
            }
            String sha = digest(jar);
            cache.put(key, sha);
            return sha;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * @param file a file
     * @return the lower-case hexadecimal SHA-256 of its bytes
     * @throws IOException if it cannot be read
     */
    public static String digest(Path file) throws IOException {
        return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
    }
}
