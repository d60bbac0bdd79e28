package org.overparam.cluster.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A run folder as bytes, to ship through the cluster: a zip whose entries are {@code <folder name>/<path>}.
 * The checkpoint is read first, so that the metrics.csv read after it holds at least the rows the
 * checkpoint counts (the file only grows while a run runs). The run's lock is never shipped.
 */
final class FolderZip {
    /** The run lock's file name, left out. */
    static final String LOCK = "run.lock";
    private static final String CHECKPOINT = "checkpoint/checkpoint.bin";
    /** The run's metrics file. */
    static final String METRICS = "metrics.csv";

    /** A folder over the size limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long bytes;

        TooLarge(long bytes) {
            super(bytes + " bytes");
            this.bytes = bytes;
        }
    }

    private FolderZip() {
    }

    /**
     * @param folder a run folder
     * @param keep which of its files (by path relative to the folder, with '/') to ship
     * @param limit the most bytes the zip may have
     * @return the zip
     * @throws TooLarge if the files kept add up to more than {@code limit} bytes
     */
    static byte[] zip(Path folder, Predicate<String> keep, long limit) {
        return zip(folder, keep, limit, -1);
    }

    /**
     * @param folder a run folder
     * @param keep which of its files to ship
     * @param limit the most bytes the zip may have
     * @param metricsFrom -1 to ship metrics.csv whole; else the byte offset from which to ship it, cut after
     *     its last line end (a run under way may be writing a row): the rows the receiver does not have yet
     * @return the zip
     * @throws TooLarge if the files kept add up to more than {@code limit} bytes
     */
    static byte[] zip(Path folder, Predicate<String> keep, long limit, long metricsFrom) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing((Path p) -> !relative(folder, p).equals(CHECKPOINT))
                .thenComparing(p -> relative(folder, p)));
        String root = folder.getFileName().toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long total = 0;
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                String name = relative(folder, f);
                if (name.equals(LOCK) || !keep.test(name)) {
                    continue;
                }
                byte[] data;
                try {
                    data = metricsFrom >= 0 && name.equals(METRICS) ? rowsFrom(f, metricsFrom) : Files.readAllBytes(f);
                } catch (java.nio.file.NoSuchFileException e) {
                    continue;
                }
                total += data.length;
                if (total > limit) {
                    throw new TooLarge(total);
                }
                out.putNextEntry(new ZipEntry(root + "/" + name));
                out.write(data);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The bytes of a file from {@code from} to the end of its last whole line. */
    private static byte[] rowsFrom(Path file, long from) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long size = ch.size();
            if (from > size) {
                throw new IOException(file + " has " + size + " bytes, fewer than the " + from + " shipped before");
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(Math.toIntExact(size - from));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                continue;
            }
            byte[] data = buf.array();
            int end = buf.position();
            while (end > 0 && data[end - 1] != '\n') {
                end--;
            }
            return java.util.Arrays.copyOf(data, end);
        }
    }

    /**
     * Writes a shipped folder under {@code parent}, replacing a folder of the same name.
     *
     * @param zip the bytes {@link #zip} made
     * @param parent where the folder goes
     * @return the folder written
     * @throws IllegalArgumentException if an entry would land outside {@code parent} or the zip holds
     *     not exactly one folder
     */
    static Path unzip(byte[] zip, Path parent) {
        try {
            Files.createDirectories(parent);
            Path incoming = Files.createTempDirectory(parent, ".incoming-");
            String root = null;
            try (InputStream in = new ByteArrayInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
                for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                    String name = e.getName();
                    String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
                    if (root == null) {
                        root = top;
                    } else if (!root.equals(top)) {
                        throw new IllegalArgumentException("a shipped run holds two folders: " + root + ", " + top);
                    }
                    Path target = incoming.resolve(name).normalize();
                    if (!target.startsWith(incoming.resolve(top)) || top.isEmpty() || top.startsWith(".")) {
                        throw new IllegalArgumentException("a shipped run's entry leaves its folder: " + name);
                    }
                    if (!e.isDirectory()) {
                        Files.createDirectories(target.getParent());
                        Files.copy(z, target);
                    }
                }
            }
            if (root == null) {
                delete(incoming);
                throw new IllegalArgumentException("a shipped run holds no folder");
            }
            Path folder = parent.resolve(root);
            delete(folder);
            Files.move(incoming.resolve(root), folder);
            delete(incoming);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a shipped folder's files under {@code parent} over those of a folder of the same name,
     * keeping its other files (a run's checkpoint, when the shipment is its progress).
     *
     * @param zip the bytes {@link #zip} made
     * @param parent where the folder goes
     * @return the folder written
     * @throws IllegalArgumentException as {@link #unzip}
     */
    static Path overlay(byte[] zip, Path parent) {
        return overlay(zip, parent, 0);
    }

    /**
     * Writes a shipped folder's files over those of a folder of the same name, as {@link #overlay(byte[], Path)},
     * but with a shipped metrics.csv that holds the file's bytes from {@code metricsFrom} on ({@link #zip}
     * with that offset): the folder's metrics.csv is cut to that many bytes and the shipped ones appended.
     *
     * @param zip the bytes {@link #zip} made
     * @param parent where the folder goes
     * @param metricsFrom the offset the shipped metrics.csv starts at (0: the whole file)
     * @return the folder written, or {@code null} (nothing written) when its metrics.csv has fewer than
     *     {@code metricsFrom} bytes
     * @throws IllegalArgumentException as {@link #unzip}
     */
    static Path overlay(byte[] zip, Path parent, long metricsFrom) {
        try {
            Path incoming = Files.createTempDirectory(Files.createDirectories(parent), ".overlay-");
            try {
                Path shipped = unzip(zip, incoming);
                Path folder = parent.resolve(shipped.getFileName().toString());
                Path metrics = folder.resolve(METRICS);
                if (metricsFrom > 0 && Files.isRegularFile(shipped.resolve(METRICS))
                        && (!Files.isRegularFile(metrics) || Files.size(metrics) < metricsFrom)) {
                    return null;
                }
                List<Path> files;
                try (Stream<Path> s = Files.walk(shipped)) {
                    files = s.filter(Files::isRegularFile).toList();
                }
                for (Path f : files) {
                    Path target = folder.resolve(shipped.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    if (metricsFrom > 0 && target.equals(metrics)) {
                        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(target,
                                java.nio.file.StandardOpenOption.WRITE)) {
                            ch.truncate(metricsFrom);
                            ch.position(metricsFrom);
                            ch.write(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)));
                        }
                    } else {
                        Files.move(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return folder;
            } finally {
                delete(incoming);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param zip the bytes {@link #zip} made
     * @return the name of the folder it holds
     * @throws IllegalArgumentException if it holds none
     */
    static String rootOf(byte[] zip) {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e = z.getNextEntry();
            if (e == null || !e.getName().contains("/")) {
                throw new IllegalArgumentException("a shipped run holds no folder");
            }
            return e.getName().substring(0, e.getName().indexOf('/'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it (nothing when it does not exist). */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Deletes a scratch folder when no run folder is left in it (a run stopped there is kept).
     *
     * @param scratch the scratch folder
     */
    static void deleteUnlessRuns(Path scratch) {
        try (Stream<Path> s = Files.list(scratch)) {
            if (s.anyMatch(Files::isDirectory)) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try {
            delete(scratch);
        } catch (IOException e) {
            // a scratch folder left behind holds no run
        }
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
