package io.flotilla.local.demo;

import io.flotilla.local.process.PlatformException;
import io.flotilla.local.process.S3Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes JSON orders ({@code {"name": "Alice", "cost": 12.5, "ts": "..."}}) to a Kafka topic at a
 * given rate: names in mixed case, some costs null, event times advancing with the orders. The same
 * seed gives the same orders, so a test can compute the expected aggregates from what was sent.
 */
public final class OrdersFeed {

    /** ISO-8601 in UTC, always with milliseconds, as Flink's json format reads TIMESTAMP_LTZ. */
    static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static final List<String> NAMES = List.of("Alice", "Bob", "Carol", "Dave", "Erin");

    /** One order as sent; {@code cost} is null for an order without a price. */
    public record Order(String name, Double cost, Instant ts) {

        /** The order as the JSON value written to Kafka. */
        public String json() {
            return "{\"name\": \""
                    + name
                    + "\", \"cost\": "
                    + (cost == null ? "null" : String.format(Locale.ROOT, "%.2f", cost))
                    + ", \"ts\": \""
                    + TS.format(ts)
                    + "\"}";
        }
    }

    private final SplittableRandom random;
    private final Instant start;
    private final Duration step;
    private int sent;

    /** Orders from {@code seed}, the first at {@code start}, each {@code step} after the last. */
    public OrdersFeed(long seed, Instant start, Duration step) {
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.step = step;
    }

    /** The next order: one name of five in random case, a cost in cents, one in ten null. */
    public Order next() {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        name =
                switch (random.nextInt(3)) {
                    case 0 -> name.toUpperCase(Locale.ROOT);
                    case 1 -> name.toLowerCase(Locale.ROOT);
                    default -> name;
                };
        Double cost = random.nextInt(10) == 0 ? null : random.nextInt(1, 10_000) / 100.0;
        Instant ts = start.plus(step.multipliedBy(sent++));
        return new Order(name, cost, ts);
    }

    /**
     * Sends {@code count} orders to {@code topic}, about {@code perSecond} a second, and returns
     * them once the broker has acknowledged every one.
     */
    public List<Order> send(String bootstrap, String topic, int count, int perSecond) {
        List<Order> orders = new ArrayList<>(count);
        produce(bootstrap, topic, count, perSecond, orders::add);
        return orders;
    }

    /** Sends orders to {@code topic}, about {@code perSecond} a second, until interrupted. */
    public void sendForever(String bootstrap, String topic, int perSecond) {
        produce(bootstrap, topic, Long.MAX_VALUE, perSecond, order -> {});
    }

    private void produce(
            String bootstrap, String topic, long count, int perSecond, Consumer<Order> sent) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long pause = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (long i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
                Order order = next();
                sent.accept(order);
                producer.send(new ProducerRecord<>(topic, order.name(), order.json()));
                next += pause;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    S3Store.sleep(wait / 1_000_000);
                }
            }
            producer.flush();
        }
    }

    /** Sends one order, for a feed that only has to move event time on. */
    public static void sendOne(String bootstrap, String topic, Order order) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, order.name(), order.json())).get();
        } catch (ExecutionException e) {
            throw new PlatformException("cannot send to " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while sending to " + topic);
        }
    }
}
