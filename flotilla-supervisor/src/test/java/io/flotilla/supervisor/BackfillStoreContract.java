package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.supervisor.model.Backfill;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.port.BackfillStore;
import io.flotilla.supervisor.port.StaleWriteException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cases every {@link BackfillStore} must pass, run against the in-memory fake the API and
 * leader tests use and against PostgreSQL, so the fake cannot drift from the real store.
 */
abstract class BackfillStoreContract {

    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    /** An empty store. */
    abstract BackfillStore store();

    /** The audit events the store wrote with its backfills, of {@code deployment}. */
    abstract List<Event> events(String deployment);

    static Backfill requested(String deployment, String jobId, String into) {
        return new Backfill(
                0,
                deployment,
                AT.minusSeconds(3600),
                AT,
                into,
                "1",
                jobId,
                null,
                false,
                Backfill.Status.RUNNING,
                "ci",
                AT,
                null,
                null,
                null);
    }

    @Test
    void aBackfillIsStoredWithItsAuditEventAndAnIdAndReadBackAsWritten() {
        Backfill a =
                store().create(
                                requested("orders", "a".repeat(32), "order_stats_backfill"),
                                new Event("orders", AT, "BackfillRequested", "asked", 0, "ci"));
        Backfill b = store().create(requested("orders", "b".repeat(32), null), audit());
        store().create(requested("other", "c".repeat(32), null), audit());

        assertThat(a.id()).isPositive();
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(store().get("orders", a.id())).contains(a);
        assertThat(store().get("other", a.id())).isEmpty();
        assertThat(store().of("orders")).containsExactly(b, a);
        assertThat(events("orders")).extracting(Event::type).contains("BackfillRequested");
    }

    @Test
    void theLeadersUpdatesAreKeptAndAnEndedBackfillIsNoLongerRunning() {
        Backfill a = store().create(requested("orders", "a".repeat(32), null), audit());
        Backfill b = store().create(requested("orders", "b".repeat(32), null), audit());
        Backfill placed = a.placedOn("cluster-1").asSubmitted();
        store().update(placed, 7);
        assertThat(store().get("orders", a.id())).contains(placed);

        Backfill ended = b.placedOn("cluster-2").ended(Backfill.Status.FAILED, AT, "refused");
        store().update(ended, 7);
        assertThat(store().get("orders", b.id())).contains(ended);
        assertThat(store().running()).containsExactly(placed);
        Backfill finished = placed.ended(Backfill.Status.FINISHED, AT.plusSeconds(5), null);
        store().update(finished, 7);
        assertThat(store().running()).isEmpty();
        assertThat(store().get("orders", a.id())).contains(finished);
    }

    @Test
    void aCancelIsRecordedOnARunningBackfillKeepsTheFirstAskerAndIsRefusedOnceEnded() {
        Backfill a = store().create(requested("orders", "a".repeat(32), null), audit());
        assertThat(store().requestCancel(a.id(), "ops", audit())).isTrue();
        assertThat(store().requestCancel(a.id(), "other", audit())).isTrue();
        Backfill asked = store().get("orders", a.id()).orElseThrow();
        assertThat(asked.cancelRequestedBy()).isEqualTo("ops");
        assertThat(store().running()).containsExactly(asked);

        store().update(a.placedOn("cluster-1"), 7);
        assertThat(store().get("orders", a.id()).orElseThrow().cancelRequestedBy())
                .as("the leader's write does not clear a cancel asked for meanwhile")
                .isEqualTo("ops");
        store().update(asked.ended(Backfill.Status.CANCELED, AT, null), 7);
        assertThat(store().running()).isEmpty();
        assertThat(store().get("orders", a.id()).orElseThrow().status())
                .isEqualTo(Backfill.Status.CANCELED);
        assertThat(store().requestCancel(a.id(), "ops", audit())).isFalse();
        assertThat(store().requestCancel(a.id() + 100, "ops", audit())).isFalse();
    }

    @Test
    void aWriteFromAReplacedLeaderIsRefusedAndChangesNothing() {
        Backfill a = store().create(requested("orders", "a".repeat(32), null), audit());
        Backfill placed = a.placedOn("cluster-1").asSubmitted();
        store().update(placed, 9);
        assertThatThrownBy(() -> store().update(placed.ended(Backfill.Status.FAILED, AT, "old"), 8))
                .isInstanceOf(StaleWriteException.class);
        assertThat(store().get("orders", a.id())).contains(placed);
        assertThat(store().running()).containsExactly(placed);
        Backfill finished = placed.ended(Backfill.Status.FINISHED, AT, null);
        store().update(finished, 9);
        assertThat(store().get("orders", a.id())).contains(finished);
        assertThatThrownBy(() -> store().update(requested("x", "b".repeat(32), null), 9))
                .as("an unknown backfill")
                .isInstanceOf(StaleWriteException.class);
    }

    private static Event audit() {
        return new Event("orders", AT, "BackfillRequested", "asked", 0, "ci");
    }
}
