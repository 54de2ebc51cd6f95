package io.flotilla.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every JVM the platform starts: runs the real main class, and ends the JVM when its
 * standard input closes, which happens when the launcher dies, even by SIGKILL. This is what keeps
 * a crashed test or demo from leaving Flink JVMs behind.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {}

    public static void main(String[] args) throws Exception {
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
                            System.err.println("flotilla: launcher is gone, stopping this JVM");
                            System.exit(0);
                        },
                        "flotilla-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
