package io.flotilla.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class PlatformDefaultsTest {

    @Test
    void emptyOptionsLeaveTheClusterConfigInCharge() {
        Configuration conf = new Configuration();
        PlatformDefaults.local().applyTo(conf);
        assertThat(conf.toMap()).isEmpty();
    }

    @Test
    void environmentAndOptionsSetWhatIsGivenOptionsWinning() {
        PlatformDefaults p =
                PlatformDefaults.resolve(
                        List.of("--checkpoint-interval", "10s"),
                        Map.of(
                                "FLOTILLA_KAFKA_BOOTSTRAP_SERVERS", "k1:9092",
                                "FLOTILLA_CHECKPOINT_INTERVAL", "1m"));
        assertThat(p.kafkaBootstrapServers()).isEqualTo("k1:9092");
        Configuration conf = new Configuration();
        p.applyTo(conf);
        assertThat(conf.toMap())
                .containsExactlyEntriesOf(Map.of("execution.checkpointing.interval", "10s"));
    }

    @Test
    void unknownOptionIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> PlatformDefaults.resolve(List.of("--kafka", "x"), Map.of()))
                .hasMessageContaining("unknown option '--kafka'")
                .hasMessageContaining("--kafka-bootstrap-servers");
    }

    @Test
    void configurationDocListsEveryOption() throws Exception {
        assertThat(Files.readString(Path.of("../docs/configuration.md")))
                .contains(PlatformDefaults.markdownTable());
    }
}
