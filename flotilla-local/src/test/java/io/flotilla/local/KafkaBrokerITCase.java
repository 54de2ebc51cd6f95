package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.local.demo.OrdersFeed;
import io.flotilla.local.process.Distribution;
import io.flotilla.local.process.KafkaBroker;
import io.flotilla.local.process.RunFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The real Kafka broker JVM: start with topics, restart on the same log folder, no process left.
 */
class KafkaBrokerITCase {

    @Test
    void brokerStartsWithItsTopicsKeepsThemAcrossARestartAndLeavesNoProcess() throws Exception {
        Distribution dist = Distribution.locate();
        try (RunFolder run = RunFolder.acquire(TestingPlatforms.freshHome("kafka-broker"))) {
            List<OrdersFeed.Order> sent;
            long firstPid;
            long started = System.nanoTime();
            try (KafkaBroker broker =
                    KafkaBroker.startLocal(dist, run, 0, List.of("orders", "order_stats"), 1)) {
                broker.awaitReady(Duration.ofSeconds(120));
                System.out.printf(
                        "Kafka broker ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
                firstPid = broker.process().pid();
                try (Admin admin = broker.admin()) {
                    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                            .contains("orders", "order_stats");
                }
                sent =
                        new OrdersFeed(
                                        7,
                                        Instant.parse("2026-01-01T00:00:00Z"),
                                        Duration.ofSeconds(1))
                                .send(broker.bootstrap(), "orders", 20, 0);
            }
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("broker JVM after close")
                    .isFalse();

            // The same run folder again: the log folder is already formatted and keeps the orders.
            try (KafkaBroker broker = KafkaBroker.startLocal(dist, run, 0, List.of("orders"), 1)) {
                broker.awaitReady(Duration.ofSeconds(120));
                assertThat(readAll(broker.bootstrap(), "orders", sent.size()))
                        .containsExactlyElementsOf(
                                sent.stream().map(OrdersFeed.Order::json).toList());
                broker.close();
                assertThat(broker.process().alive()).isFalse();
            }
        }
    }

    static List<String> readAll(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.putAll(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + System.nanoTime(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class.getName()));
        List<String> values = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
