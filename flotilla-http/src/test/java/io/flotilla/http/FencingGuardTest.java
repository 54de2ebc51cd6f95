package io.flotilla.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FencingGuardTest {

    private final FencingGuard guard = new FencingGuard();

    @Test
    void olderTokenThanOneSeenIsRefusedAsStaleLeader() {
        guard.check("7");
        guard.check("7");
        guard.check("8");
        assertThatThrownBy(() -> guard.check("7"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(409);
                            assertThat(e.code()).isEqualTo("stale_leader");
                        });
        assertThat(guard.highest()).isEqualTo(8);
    }

    @Test
    void requestWithoutTokenIsNotFenced() {
        guard.check("9");
        guard.check(null);
    }

    @Test
    void malformedTokenIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> guard.check("x"))
                .hasMessageContaining("X-Flotilla-Fencing-Token must be a whole number");
    }
}
