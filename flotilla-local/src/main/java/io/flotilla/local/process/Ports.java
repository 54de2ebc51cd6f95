package io.flotilla.local.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free-port picking and port checks on loopback. */
public final class Ports {

    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {}

    /** A port free on loopback now; 0 in {@code wanted} means any, else that port must be free. */
    public static int pick(int wanted, String what, String option) {
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
