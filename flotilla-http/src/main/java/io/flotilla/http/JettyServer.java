package io.flotilla.http;

import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty side of {@link HttpApi}: its threads, the listening connector (TLS, header size, idle
 * timeout) and the steps of a graceful stop (no new connections, then waits bounded by a deadline).
 */
final class JettyServer {

    private JettyServer() {}

    /** The request threads, daemons named after the service. */
    static QueuedThreadPool threads(String service) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName(service + "-http");
        threads.setDaemon(true);
        return threads;
    }

    /** The one connector on {@code bind}: TLS from the keystore when asked, the limits set. */
    static Connector connector(
            Server server, HttpConfiguration http, InetSocketAddress bind, HttpOptions options) {
        http.setRequestHeaderSize(options.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        HttpConnectionFactory plain = new HttpConnectionFactory(http);
        ServerConnector connector;
        if (options.tls()) {
            // Callers reach services by IP on loopback and inside clusters: no SNI host check.
            http.addCustomizer(new SecureRequestCustomizer(false));
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(options.keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(options.keystorePassword());
            connector =
                    new ServerConnector(
                            server, new SslConnectionFactory(ssl, plain.getProtocol()), plain);
        } else {
            connector = new ServerConnector(server, plain);
        }
        connector.setHost(bind.getAddress().getHostAddress());
        connector.setPort(bind.getPort());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        connector.setAcceptQueueSize(64);
        return connector;
    }

    /** Closes the listening sockets: no new connections, the open ones keep going. */
    static void stopAccepting(Server server) {
        for (Connector c : server.getConnectors()) {
            if (c instanceof AbstractNetworkConnector n) {
                n.shutdown();
            }
        }
    }

    /**
     * Polls every {@code pollMillis} until {@code done}, the {@code deadline} (of {@link
     * System#nanoTime}) or an interrupt (kept set); whether it is done.
     */
    static boolean await(BooleanSupplier done, long deadline, long pollMillis) {
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return done.getAsBoolean();
    }

    /** Whether a connection has read a request whose response is not written yet. */
    static boolean responsesPending(Server server) {
        for (Connector c : server.getConnectors()) {
            for (EndPoint e : c.getConnectedEndPoints()) {
                Connection connection = e.getConnection();
                if (connection instanceof SslConnection ssl) {
                    connection = ssl.getSslEndPoint().getConnection();
                }
                if (e.isOpen()
                        && connection != null
                        && connection.getMessagesOut() >= 0
                        && connection.getMessagesOut() < connection.getMessagesIn()) {
                    return true;
                }
            }
        }
        return false;
    }
}
