package io.flotilla.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of every JVM the platform starts: runs the real main class, and ends the JVM when its
 * standard input closes, which happens when the launcher dies, even by SIGKILL. This is what keeps
 * a crashed test or demo from leaving Flink JVMs behind.
 */
public final class ParentWatchdog {

    /** A pid file (PostgreSQL's postmaster.pid) whose process goes when the launcher goes. */
    static final String REAP_PROPERTY = "flotilla.watchdog.reap";

    private ParentWatchdog() {}

    /** Stops the process named on the first line of {@code pidFile}, if there is one. */
    static void reap(String pidFile) {
        if (pidFile == null) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(pidFile));
            if (!lines.isEmpty()) {
                ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                        .ifPresent(ProcessHandle::destroy);
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing to reap
        }
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    /**
     * Whether {@code launcher} is still the parent a moment after the pipe closed. A dying process
     * closes its files before the kernel hands its children to init, so right at end of stream the
     * old parent pid can still show; on a loaded machine that window is long enough to miss.
     */
    private static boolean stillParent(long launcher) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (parentPid() != launcher) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return parentPid() == launcher;
    }

    public static void main(String[] args) throws Exception {
        long launcher = parentPid();
        Thread watchdog =
                new Thread(
                        () -> {
                            try (InputStream in = System.in) {
                                while (in.read() >= 0) {
                                    // nothing is ever sent; we only wait for end of stream
                                }
                            } catch (IOException ignored) {
                                // a broken pipe means the same as end of stream
                            }
                            // A launcher that is still our parent closed the pipe on purpose (it
                            // stops this one JVM); only a launcher that died leaves PostgreSQL to
                            // reap. A dead parent hands us to init at once, while its zombie may
                            // still look alive, hence the parent pid rather than isAlive().
                            if (launcher > 0 && stillParent(launcher)) {
                                System.err.println("flotilla: stopped by the launcher");
                            } else {
                                System.err.println("flotilla: launcher is gone, stopping this JVM");
                                reap(System.getProperty(REAP_PROPERTY));
                            }
                            System.exit(0);
                        },
                        "flotilla-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
