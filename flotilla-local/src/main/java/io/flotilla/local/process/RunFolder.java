package io.flotilla.local.process;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The platform's run folder, held with an exclusive file lock for as long as the platform runs, so
 * a second platform cannot start on the same folder and tools can tell a live platform from a stale
 * {@code platform.json}.
 */
public final class RunFolder implements AutoCloseable {

    static final String LOCK = "platform.lock";
    public static final String DESCRIPTOR = "platform.json";

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolder(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the folder if needed and takes its lock, or fails naming the holder and the fix. */
    public static RunFolder acquire(Path root) {
        try {
            Files.createDirectories(root);
            Path lockFile = root.resolve(LOCK);
            FileChannel channel =
                    FileChannel.open(
                            lockFile,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                throw new PlatformException(
                        "run folder "
                                + root.toAbsolutePath()
                                + " is held by another running platform (pid "
                                + (holder.isEmpty() ? "unknown" : holder)
                                + "): stop it with 'bin/flotilla stop' or use another folder with"
                                + " FLOTILLA_HOME=...");
            }
            channel.truncate(0);
            channel.write(
                    StandardCharsets.UTF_8.encode(String.valueOf(ProcessHandle.current().pid())));
            channel.force(true);
            return new RunFolder(root.toAbsolutePath(), channel, lock);
        } catch (IOException e) {
            throw new PlatformException(
                    "cannot use run folder " + root.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** True when a live platform holds the folder's lock. */
    public static boolean held(Path root) {
        Path lockFile = root.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String other) {
        return root.resolve(other);
    }

    /**
     * The JVM flag that lets a child's {@link ParentWatchdog} stop the embedded PostgreSQL when the
     * launcher dies without cleaning up.
     */
    String watchdogReapFlag() {
        return "-D" + ParentWatchdog.REAP_PROPERTY + "=" + resolve("postgres/postmaster.pid");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
