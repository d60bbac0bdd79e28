package org.overparam.engine.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of the jar each component's bundle came from, computed once per bundle revision: the
 * cache key is the bundle's symbolic name, its version and the jar's last-modified time, so a jar
 * replaced in the plugins folder (same version, new build) is hashed again. Keys are plain strings
 * (no plugin classes are held), so the cache lives as long as the engine bundle.
 */
public final class JarHashes {
    private record Key(String bundle, String version, String file, long modified) {
    }

    private static final Map<Key, String> CACHE = new ConcurrentHashMap<>();

    private JarHashes() {
    }

    /**
     * @param bundle the bundle's symbolic name
     * @param version its version
     * @param jar the file it was installed from
     * @return the lower-case hexadecimal SHA-256 of the file, or an empty string if it is not a readable
     *     regular file (a bundle installed from a folder, or a file gone since)
     */
    public static String sha256(String bundle, String version, Path jar) {
        try {
            if (!Files.isRegularFile(jar)) {
                return "";
            }
            Key key = new Key(bundle, version, jar.toAbsolutePath().normalize().toString(),
                    Files.getLastModifiedTime(jar).toMillis());
            String cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
            String sha = digest(jar);
            CACHE.put(key, sha);
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
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
        }
        StringBuilder b = new StringBuilder(64);
        for (byte x : md.digest()) {
            b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return b.toString();
    }
}
