package io.flotilla.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The orders feed's orders: deterministic per seed, mixed-case names, null costs, JSON form. */
class OrdersFeedTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    static List<OrdersFeed.Order> orders(long seed, int n) {
        OrdersFeed feed = new OrdersFeed(seed, START, Duration.ofMillis(100));
        return IntStream.range(0, n).mapToObj(i -> feed.next()).toList();
    }

    @Test
    void theSameSeedGivesTheSameOrders() {
        assertThat(orders(42, 200)).isEqualTo(orders(42, 200));
        assertThat(orders(42, 200)).isNotEqualTo(orders(43, 200));
    }

    @Test
    void namesComeInMixedCaseSomeCostsAreNullAndTimesAdvanceByTheStep() {
        List<OrdersFeed.Order> orders = orders(42, 500);
        assertThat(orders).anyMatch(o -> o.cost() == null).anyMatch(o -> o.cost() != null);
        assertThat(orders.stream().map(OrdersFeed.Order::name).distinct())
                .contains("Alice", "ALICE", "alice");
        assertThat(orders.stream().map(o -> o.name().toLowerCase(Locale.ROOT)).distinct())
                .hasSize(OrdersFeed.NAMES.size());
        assertThat(orders.get(3).ts()).isEqualTo(START.plusMillis(300));
    }

    @Test
    void jsonHasMillisecondTimestampsAndNullCosts() {
        assertThat(new OrdersFeed.Order("Bob", 12.5, START).json())
                .isEqualTo(
                        "{\"name\": \"Bob\", \"cost\": 12.50, \"ts\": \"2026-01-01T00:00:00.000Z\"}");
        assertThat(new OrdersFeed.Order("Bob", null, START.plusMillis(7)).json())
                .isEqualTo(
                        "{\"name\": \"Bob\", \"cost\": null, \"ts\": \"2026-01-01T00:00:00.007Z\"}");
    }
}
