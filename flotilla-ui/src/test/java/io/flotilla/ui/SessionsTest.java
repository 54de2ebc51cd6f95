package io.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.http.Principal;
import io.flotilla.http.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

    /** A clock the test moves. */
    static final class TestingClock extends Clock {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestingClock clock = new TestingClock();
    final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12));
    final Principal ann = new Principal("ann", Role.OPERATOR);

    @Test
    void aSessionLastsWhileUsedAndEndsAfterItsIdleTime() {
        Sessions.Session s = sessions.create("t".repeat(32), ann);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void aSessionEndsAtItsMaximumAgeEvenWhenUsed() {
        Sessions.Session s = sessions.create("t".repeat(32), ann);
        for (int i = 0; i < 24; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            sessions.find(s.id());
        }
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAndUnknownIdsFindNothing() {
        Sessions.Session s = sessions.create("t".repeat(32), ann);
        sessions.end(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find("nope")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void theCsrfTokenMatchesOnlyItselfAndDiffersFromTheSessionId() {
        Sessions.Session s = sessions.create("t".repeat(32), ann);
        Sessions.Session other = sessions.create("t".repeat(32), ann);
        assertThat(s.csrf()).hasSize(64).isNotEqualTo(s.id()).isNotEqualTo(other.csrf());
        assertThat(s.csrfMatches(s.csrf())).isTrue();
        assertThat(s.csrfMatches(other.csrf())).isFalse();
        assertThat(s.csrfMatches(null)).isFalse();
        assertThat(s.csrfMatches("")).isFalse();
        assertThat(s.toString()).doesNotContain(s.token()).doesNotContain(s.csrf());
    }
}
