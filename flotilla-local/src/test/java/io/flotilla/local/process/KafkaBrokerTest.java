package io.flotilla.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's generated configuration and its kept cluster id, without starting a broker. */
class KafkaBrokerTest {

    @Test
    void serverIsBrokerAndControllerOnLoopbackWithOneReplicaTopics() {
        String props = KafkaBroker.serverProperties(9092, 9093, Path.of("/run/kafka/data"));
        assertThat(props.lines())
                .contains(
                        "process.roles=broker,controller",
                        "controller.quorum.voters=1@127.0.0.1:9093",
                        "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
                        "advertised.listeners=PLAINTEXT://127.0.0.1:9092",
                        "log.dirs=/run/kafka/data",
                        "offsets.topic.replication.factor=1",
                        "auto.create.topics.enable=false");
    }

    @Test
    void clusterIdIsMadeOnceAndKeptForTheRunFolder(@TempDir Path dir) {
        Path file = dir.resolve("cluster.id");
        String first = KafkaBroker.clusterId(file);
        assertThat(first).matches("[A-Za-z0-9_-]{22}");
        assertThat(KafkaBroker.clusterId(file)).isEqualTo(first);
        assertThat(KafkaBroker.clusterId(dir.resolve("other.id"))).isNotEqualTo(first);
    }

    @Test
    void clusterIdNeverStartsWithADashWhichTheStorageToolTakesForAnOption(@TempDir Path dir)
            throws Exception {
        // One random id in 64 starts with '-': 10,000 draws miss that with odds of 1e-68.
        for (int i = 0; i < 10_000; i++) {
            assertThat(KafkaBroker.newClusterId()).doesNotStartWith("-").hasSize(22);
        }
        Path file = dir.resolve("cluster.id");
        java.nio.file.Files.writeString(file, "-fgWz2vMR1KmEbcfcBa2rQ");
        assertThat(KafkaBroker.clusterId(file)).doesNotStartWith("-");
    }
}
