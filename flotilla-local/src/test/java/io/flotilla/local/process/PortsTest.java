package io.flotilla.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void takenPortIsRefusedNamingWhatAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(Ports.LOOPBACK, 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Ports.pick(port, "S3 (s3proxy)", "s3-port"))
                    .isInstanceOf(PlatformException.class)
                    .hasMessage(
                            "port "
                                    + port
                                    + " for S3 (s3proxy) is already taken: stop what uses it or pass"
                                    + " --s3-port with another port (0 picks a free one)");
            assertThat(Ports.listening(port)).isTrue();
        }
    }

    @Test
    void zeroPicksAFreePort() {
        assertThat(Ports.pick(0, "x", "x")).isPositive();
    }

    @Test
    void withARangeSetZeroPicksFreePortsInTurnFromItSkippingTakenOnes() throws Exception {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(Ports.LOOPBACK, 0));
            // A range starting at a port just seen free; its first port is then held.
            int from = probe.getLocalPort();
            System.setProperty(Ports.FROM_PROPERTY, String.valueOf(from));
            try {
                java.util.Set<Integer> picked = new java.util.HashSet<>();
                for (int i = 0; i < 5; i++) {
                    int port = Ports.pick(0, "x", "x");
                    assertThat(port).isBetween(from + 1, from + Ports.RANGE - 1);
                    picked.add(port);
                }
                assertThat(picked).as("never the same port twice in turn").hasSize(5);
            } finally {
                System.clearProperty(Ports.FROM_PROPERTY);
            }
        }
    }
}
