package org.overparam.engine.internal.checkpoint;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Checksum;
import org.overparam.api.InvalidInputException;
import org.overparam.engine.internal.folder.RunFolder;

/**
 * A run's checkpoint on disk: {@code checkpoint/checkpoint.bin} in the run folder, replaced atomically
 * (written to {@code checkpoint.bin.tmp}, forced to disk, renamed over the old one), so a kill at any
 * moment leaves either the previous checkpoint or the new one, whole.
 *
 * <p>Framing around {@link CheckpointCodec}'s body (all big-endian):
 * <pre>
 * 8 bytes   magic "OPCKPT\r\n"
 * int       format version ({@value #VERSION})
 * ...       body
 * long      the number of bytes before this field (magic, version and body)
 * int       CRC-32C of those bytes
 * 4 bytes   end marker "OPCE"
 * </pre>
 * Reading checks, in order: the magic, the version, the end marker and length (a truncated file has
 * neither), the checksum, then that the body parses to its last byte. Each failure is one
 * {@link InvalidInputException} naming the file.
 */
public final class CheckpointFile {
    /** The checkpoint's folder in a run folder. */
    static final String FOLDER = RunFolder.CHECKPOINT;
    /** The checkpoint's file name in {@link #FOLDER}. */
    static final String NAME = "checkpoint.bin";
    /** The format version this engine writes; it also reads version 1 (which held the metric histories). */
    static final int VERSION = 2;
    private static final long MAGIC = 0x4F50434B50540D0AL;
    private static final int END = 0x4F504345;
    private static final int HEADER = 12;
    private static final int TRAILER = 16;

    private CheckpointFile() {
    }

    /**
     * @param runFolder a run folder
     * @return its checkpoint file
     */
    public static Path in(Path runFolder) {
        return runFolder.resolve(FOLDER).resolve(NAME);
    }

    /**
     * Writes a checkpoint atomically into {@code checkpoint/} of a run folder.
     *
     * @param runFolder the run folder
     * @param c the checkpoint
     * @return the file's size in bytes
     * @throws IOException if it cannot be written (the previous checkpoint is left as it was)
     */
    static long write(Path runFolder, Checkpoint c) throws IOException {
        Path dir = runFolder.resolve(FOLDER);
        Files.createDirectories(dir);
        Path tmp = dir.resolve(NAME + ".tmp");
        long size;
        try (FileOutputStream file = new FileOutputStream(tmp.toFile())) {
            CRC32C crc = new CRC32C();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(file, 1 << 16),
                    crc));
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            CheckpointCodec.write(c, out);
            out.flush();
            long length = Files.size(tmp);
            DataOutputStream trailer = new DataOutputStream(new BufferedOutputStream(file, TRAILER));
            trailer.writeLong(length);
            trailer.writeInt((int) crc.getValue());
            trailer.writeInt(END);
            trailer.flush();
            file.getFD().sync();
            size = length + TRAILER;
        }
        Path target = dir.resolve(NAME);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(dir);
        return size;
    }

    /**
     * Removes a run's checkpoint (a stop's, once the run has finished with checkpoints off).
     *
     * @param runFolder the run folder
     */
    public static void delete(Path runFolder) {
        try {
            Files.deleteIfExists(in(runFolder));
            Files.deleteIfExists(runFolder.resolve(FOLDER));
        } catch (IOException e) {
            // A checkpoint left behind is never resumed from: result.json says the run finished.
        }
    }

    /**
     * Reads and checks a checkpoint.
     *
     * @param file the checkpoint file
     * @return the checkpoint
     * @throws InvalidInputException naming the file if it is missing, not a checkpoint, of another format
     *     version, truncated or corrupt
     */
    public static Checkpoint read(Path file) {
        String where = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(where, "no checkpoint");
        } catch (IOException e) {
            throw new InvalidInputException(where, "cannot read the checkpoint: " + e.getMessage());
        }
        int formatVersion;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (size >= 8 && raf.readLong() != MAGIC) {
                throw bad(where, "is not an Overparam checkpoint (wrong magic number)");
            }
            if (size < HEADER + TRAILER) {
                throw bad(where, "is truncated (" + size + " bytes)");
            }
            int version = raf.readInt();
            if (version != 1 && version != VERSION) {
                throw bad(where, "has format version " + version + "; this engine reads versions 1 to " + VERSION);
            }
            formatVersion = version;
            raf.seek(size - TRAILER);
            long length = raf.readLong();
            int crc = raf.readInt();
            if (raf.readInt() != END || length != size - TRAILER) {
                throw bad(where, "is truncated or incomplete (" + size + " bytes, no valid end record)");
            }
            if (crc != checksum(file, length)) {
                throw bad(where, "is corrupt (CRC-32C checksum mismatch)");
            }
        } catch (IOException e) {
            throw new InvalidInputException(where, "cannot read the checkpoint: " + e.getMessage());
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file.toFile()),
                1 << 16))) {
            in.skipNBytes(HEADER);
            BoundedInput body = new BoundedInput(in, size - HEADER - TRAILER);
            Checkpoint c = CheckpointCodec.read(body, formatVersion);
            if (body.remaining() != 0) {
                throw bad(where, "is corrupt (" + body.remaining() + " bytes after the body)");
            }
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw bad(where, "is corrupt (" + e.getMessage() + ")");
        }
    }

    /**
     * @param file a file
     * @return the lower-case hexadecimal SHA-256 of its bytes
     * @throws IOException if it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
    }

    private static int checksum(Path file, long length) throws IOException {
        Checksum crc = new CRC32C();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("the file ended early");
                }
                crc.update(buf, 0, n);
                left -= n;
            }
        }
        return (int) crc.getValue();
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every file system lets a directory be forced; the rename itself is atomic.
        }
    }

    private static InvalidInputException bad(String where, String what) {
        return new InvalidInputException(where, "the checkpoint " + what
                + "; delete the checkpoint folder to resume from the first step");
    }
}
