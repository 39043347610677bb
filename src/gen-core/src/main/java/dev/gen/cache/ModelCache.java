package dev.gen.cache;

import dev.gen.hibernate.TargetModel;
import dev.gen.hibernate.TargetSettings;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The desired schema of the last runs, on disk, so that a run whose entity classes and settings have not
 * changed skips the classpath scan and Hibernate's boot (the slow part of a run).
 *
 * <p>An entry is found only by its exact {@link Key}: a SHA-256 over the contents and relative paths of every
 * file under the classpath's directories and of every jar on it, the classpath itself, the packages scanned,
 * every setting that reaches Hibernate, and gen's own code (its jar's contents, so a rebuilt gen misses too) with
 * the Hibernate version. Any change to any of them is a miss. A file's contents are hashed once and then known by
 * its size and times until they change ({@link FileDigests}); a released jar of a Maven repository counts by its
 * path, size and time. An entry also carries the key it was written for and
 * a SHA-256 of its own contents; an entry that is truncated, corrupt, of another format or for another key is
 * ignored (a miss), never trusted.
 */
public final class ModelCache {

    private static final byte[] MAGIC = "GENCACHE".getBytes(StandardCharsets.US_ASCII);
    private static final String PREFIX = "target-";
    private static final String SUFFIX = ".bin";
    /** Entries kept per directory; older ones are removed when a new one is written. */
    private static final int KEEP = 8;

    private static final ModelCache DISABLED = new ModelCache(null);

    private final Path directory;
    private int lastHashedFiles;

    private ModelCache(Path directory) {
        this.directory = directory;
    }

    /** No cache: every run scans and boots Hibernate ({@code --no-cache}, and the library's default). */
    public static ModelCache disabled() {
        return DISABLED;
    }

    /** Entries under this directory (gen's command line uses {@code .gen-cache} in the working directory). */
    public static ModelCache in(Path directory) {
        return new ModelCache(directory.toAbsolutePath());
    }

    public boolean enabled() {
        return directory != null;
    }

    public Path directory() {
        return directory;
    }

    /** What an entry is found by. */
    public record Key(String hex) {
        @Override
        public String toString() {
            return hex;
        }
    }

    /**
     * The key for a run, or empty when the cache is disabled or the inputs cannot all be read (a missing
     * classpath entry: the scan reports that).
     */
    public Optional<Key> key(List<Path> classpath, List<String> packages, TargetSettings settings) {
        if (!enabled()) {
            return Optional.empty();
        }
        FileDigests files = FileDigests.in(directory);
        try {
            Key key = computeKey(classpath, packages, settings, files);
            files.save();
            return Optional.of(key);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            lastHashedFiles = files.hashedFiles();
        }
    }

    /** How many files the last {@link #key} read and hashed, rather than knowing them from the index. */
    int lastHashedFiles() {
        return lastHashedFiles;
    }

    static Key computeKey(List<Path> classpath, List<String> packages, TargetSettings settings, FileDigests files)
            throws IOException {
        MessageDigest digest = sha256();
        field(digest, "gen-cache");
        field(digest, Integer.toString(TargetModelCodec.FORMAT));
        genFingerprint(digest, files);
        field(digest, "classpath");
        field(digest, Integer.toString(classpath.size()));
        for (Path entry : classpath) {
            Path absolute = entry.toAbsolutePath().normalize();
            field(digest, absolute.toString());
            if (Files.isDirectory(absolute)) {
                hashDirectory(digest, absolute, files);
            } else if (Files.isRegularFile(absolute)) {
                field(digest, "file");
                field(digest, files.contribution(absolute));
            } else {
                throw new IOException("missing classpath entry " + absolute);
            }
        }
        field(digest, "packages");
        List<String> sortedPackages = new ArrayList<>(packages);
        sortedPackages.sort(null);
        field(digest, String.join(",", sortedPackages));
        field(digest, "default-schema");
        field(digest, settings.defaultSchema());
        field(digest, "properties");
        for (Map.Entry<String, String> property : new TreeMap<>(settings.hibernateProperties()).entrySet()) {
            field(digest, property.getKey());
            field(digest, property.getValue());
        }
        return new Key(HexFormat.of().formatHex(digest.digest()));
    }

    /** The cached model for exactly this key, or empty on a miss (absent, unreadable, corrupt, other key). */
    public Optional<TargetModel> load(Key key) {
        if (!enabled() || key == null) {
            return Optional.empty();
        }
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != TargetModelCodec.FORMAT) {
                return Optional.empty();
            }
            byte[] storedKey = in.readNBytes(in.readUnsignedShort());
            if (!key.hex().equals(new String(storedKey, StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
            int length = in.readInt();
            if (length < 0 || length > 512 * 1024 * 1024) {
                return Optional.empty();
            }
            byte[] payload = in.readNBytes(length);
            byte[] checksum = in.readNBytes(32);
            if (payload.length != length || !Arrays.equals(checksum, sha256().digest(payload)) || in.read() != -1) {
                return Optional.empty();
            }
            DataInputStream body = new DataInputStream(new java.io.ByteArrayInputStream(payload));
            TargetModel model = TargetModelCodec.read(body);
            return body.read() == -1 ? Optional.of(model) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the entry for this key; a failure (read-only directory, full disk) only costs the next run its
     * cache hit, so it is swallowed. The file appears atomically: a reader sees the old state or the new one.
     */
    public void store(Key key, TargetModel model) {
        if (!enabled() || key == null) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            try (DataOutputStream body = new DataOutputStream(bytes)) {
                TargetModelCodec.write(body, model);
            }
            byte[] payload = bytes.toByteArray();
            Path file = file(key);
            boolean written = CacheFiles.writeAtomically(file, PREFIX, out -> {
                out.write(MAGIC);
                out.writeInt(TargetModelCodec.FORMAT);
                byte[] keyBytes = key.hex().getBytes(StandardCharsets.US_ASCII);
                out.writeShort(keyBytes.length);
                out.write(keyBytes);
                out.writeInt(payload.length);
                out.write(payload);
                out.write(sha256().digest(payload));
            });
            if (written) {
                prune(file);
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    Path file(Key key) {
        return directory.resolve(PREFIX + key.hex() + SUFFIX);
    }

    private void prune(Path keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            stream.forEach(entries::add);
        }
        if (entries.size() <= KEEP) {
            return;
        }
        entries.remove(keep);
        entries.sort(Comparator.comparing(ModelCache::modified));
        for (int i = 0; i < entries.size() - (KEEP - 1); i++) {
            Files.deleteIfExists(entries.get(i));
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** gen's own code and the Hibernate it embeds: a different gen may read the same entities differently. */
    private static void genFingerprint(MessageDigest digest, FileDigests digests) throws IOException {
        Properties version = new Properties();
        try (InputStream in = ModelCache.class.getResourceAsStream("/dev/gen/core/version.properties")) {
            if (in != null) {
                version.load(in);
            }
        }
        field(digest, "gen " + version.getProperty("version", "?") + " hibernate " + version.getProperty("hibernate", "?"));
        field(digest, "java " + System.getProperty("java.specification.version"));
        CodeSource source = ModelCache.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return;
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return;
        }
        if (Files.isRegularFile(location)) {
            field(digest, digests.contribution(location));
        } else if (Files.isDirectory(location)) {
            // a development build: gen's classes, by size and time (their bytes would cost a read per class)
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    field(digest, location.relativize(file).toString());
                    field(digest, Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
                }
            }
        }
    }

    private static void hashDirectory(MessageDigest digest, Path root, FileDigests digests) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(root::relativize)
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        field(digest, "directory " + files.size());
        for (Path relative : files) {
            field(digest, relative.toString().replace('\\', '/'));
            field(digest, digests.contribution(root.resolve(relative)));
        }
    }

    /** A length-prefixed field, so that no two different sequences of fields hash the same bytes. */
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
