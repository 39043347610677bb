package dev.gen.cache;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What each file of the classpath contributes to a cache key, read cheaply: a file's SHA-256 is computed once and
 * remembered in an index next to the cache entries (path, size, modification and change time, inode), so that a
 * warm run reads the file system's metadata, not every byte of every class and jar. This is how git's index
 * avoids rehashing a work tree.
 *
 * <p>Never trusting a stale entry:
 * <ul>
 *   <li>a remembered digest is used only when size, modification time, change time and file identity are all
 *       unchanged; tools that restore a modification time ({@code cp -p}, {@code touch -r}, unpacking an archive)
 *       still change the change time or the inode;
 *   <li>a file changed within {@link #RACY_MARGIN} of the moment its digest was taken could have changed again in
 *       the same clock tick: it is hashed again on the next run, until its times are safely in the past;
 *   <li>a damaged or foreign index is ignored (everything is hashed).
 * </ul>
 * A jar in a Maven repository's layout ({@code .../<artifact>/<version>/<artifact>-<version>[-classifier].jar},
 * not a {@code -SNAPSHOT}) is never rewritten under the same path with the same size and time, so it contributes
 * its path, size and modification time without being read at all.
 */
final class FileDigests {

    static final String INDEX_FILE = "files.idx";
    /** File times within this of the digest's time are not trusted (coarse file-system clocks, same-tick writes). */
    static final long RACY_MARGIN_NANOS = 2_000_000_000L;

    private static final byte[] MAGIC = "GENFILES".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final Pattern SNAPSHOT = Pattern.compile(".*-SNAPSHOT(-.*)?\\.jar|.*-\\d{8}\\.\\d{6}-\\d+(-.*)?\\.jar");

    /** What was remembered of one file. */
    private record Entry(long size, long modifiedNanos, long changedNanos, String identity, long digestedAtNanos,
            byte[] sha256) {
    }

    private final Path indexFile;
    private final Map<String, Entry> entries;
    private boolean changed;
    private int hashed;

    private FileDigests(Path indexFile, Map<String, Entry> entries) {
        this.indexFile = indexFile;
        this.entries = entries;
    }

    /** The index under {@code directory}, or an empty one when there is none or it cannot be read. */
    static FileDigests in(Path directory) {
        Path file = directory == null ? null : directory.resolve(INDEX_FILE);
        return new FileDigests(file, file == null ? new HashMap<>() : read(file));
    }

    /** How many files were read and hashed (not taken from the index) since this index was loaded. */
    int hashedFiles() {
        return hashed;
    }

    /**
     * What {@code file} contributes to a key: {@code "maven <size>@<mtime>"} for a released jar in a Maven
     * repository's layout, else {@code "sha256 <hex>"} of its bytes.
     */
    String contribution(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (isMavenRelease(file)) {
            return "maven " + attributes.size() + "@" + nanos(attributes.lastModifiedTime());
        }
        String path = file.toAbsolutePath().normalize().toString();
        long size = attributes.size();
        long modified = nanos(attributes.lastModifiedTime());
        long changedAt = changeTime(file, modified);
        String identity = String.valueOf(attributes.fileKey());
        Entry known = entries.get(path);
        if (known != null && known.size == size && known.modifiedNanos == modified && known.changedNanos == changedAt
                && known.identity.equals(identity)
                && Math.max(modified, changedAt) < known.digestedAtNanos - RACY_MARGIN_NANOS) {
            return "sha256 " + hex(known.sha256);
        }
        long digestedAt = nowNanos();
        byte[] sha256 = sha256(file);
        hashed++;
        entries.put(path, new Entry(size, modified, changedAt, identity, digestedAt, sha256));
        changed = true;
        return "sha256 " + hex(sha256);
    }

    /** Writes the index back when it learnt something; a failure only costs the next run some hashing. */
    void save() {
        if (!changed || indexFile == null) {
            return;
        }
        boolean written = CacheFiles.writeAtomically(indexFile, "files-", out -> {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Entry entry = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(entry.size);
                out.writeLong(entry.modifiedNanos);
                out.writeLong(entry.changedNanos);
                out.writeUTF(entry.identity);
                out.writeLong(entry.digestedAtNanos);
                out.write(entry.sha256);
            }
        });
        changed = !written;
    }

    /** {@code .../<artifact>/<version>/<artifact>-<version>[-classifier].jar}, version not a snapshot. */
    static boolean isMavenRelease(Path file) {
        Path versionDirectory = file.toAbsolutePath().normalize().getParent();
        if (versionDirectory == null || versionDirectory.getParent() == null
                || versionDirectory.getParent().getFileName() == null) {
            return false;
        }
        String name = file.getFileName().toString();
        String version = versionDirectory.getFileName().toString();
        String artifact = versionDirectory.getParent().getFileName().toString();
        String stem = artifact + "-" + version;
        return name.endsWith(".jar") && !version.endsWith("-SNAPSHOT") && !SNAPSHOT.matcher(name).matches()
                && (name.equals(stem + ".jar") || name.startsWith(stem + "-"));
    }

    private static Map<String, Entry> read(Path file) {
        Map<String, Entry> entries = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) || in.readInt() != FORMAT) {
                return new HashMap<>();
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                long size = in.readLong();
                long modified = in.readLong();
                long changedAt = in.readLong();
                String identity = in.readUTF();
                long digestedAt = in.readLong();
                byte[] sha256 = in.readNBytes(32);
                if (sha256.length != 32) {
                    return new HashMap<>();
                }
                entries.put(path, new Entry(size, modified, changedAt, identity, digestedAt, sha256));
            }
            return in.read() == -1 ? entries : new HashMap<>();
        } catch (IOException | RuntimeException e) {
            return new HashMap<>();
        }
    }

    /** The inode change time where the file system tells it (Linux, macOS), else the modification time. */
    private static long changeTime(Path file, long modified) {
        try {
            Object ctime = Files.getAttribute(file, "unix:ctime");
            return ctime instanceof FileTime time ? nanos(time) : modified;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return modified;
        }
    }

    private static long nanos(FileTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
