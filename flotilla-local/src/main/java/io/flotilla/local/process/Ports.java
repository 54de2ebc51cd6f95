package io.flotilla.local.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** Free-port picking and port checks on loopback. */
public final class Ports {

    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /**
     * Where "any port" is taken from when set: the first of {@value #RANGE} ports this JVM picks
     * from in turn. Two test JVMs side by side each get their own range: a port one picks and
     * closes is then never picked by the other before its service binds it, and a range below the
     * kernel's ephemeral ports is never taken meanwhile by an outgoing connection.
     */
    public static final String FROM_PROPERTY = "flotilla.ports.from";

    static final int RANGE = 1000;

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Ports() {}

    /** A port free on loopback now; 0 in {@code wanted} means any, else that port must be free. */
    public static int pick(int wanted, String what, String option) {
        int from = Integer.getInteger(FROM_PROPERTY, 0);
        if (wanted == 0 && from > 0) {
            for (int i = 0; i < RANGE; i++) {
                int port = from + Math.floorMod(NEXT.getAndIncrement(), RANGE);
                if (free(port)) {
                    return port;
                }
            }
            throw new PlatformException(
                    "no free port for " + what + " in " + from + " to " + (from + RANGE - 1));
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, wanted));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PlatformException(
                    "port "
                            + wanted
                            + " for "
                            + what
                            + " is already taken: stop what uses it or pass --"
                            + option
                            + " with another port (0 picks a free one)");
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts TCP connections on loopback at {@code port}. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
