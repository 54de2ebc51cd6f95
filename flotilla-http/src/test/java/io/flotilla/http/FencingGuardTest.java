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

    @Test
    void theHighestTokenIsKeptInItsFileAndReadBack(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("fencing-token");
        Principal supervisor = new Principal("supervisor", Role.ADMIN);
        FencingGuard first = new FencingGuard(file, java.util.Set.of("supervisor"));
        first.check(supervisor, "12");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("12");
        assertThat(java.nio.file.Files.exists(dir.resolve("fencing-token.tmp"))).isFalse();

        FencingGuard restarted = new FencingGuard(file, java.util.Set.of("supervisor"));
        assertThat(restarted.highest()).isEqualTo(12);
        assertThatThrownBy(() -> restarted.check(supervisor, "11"))
                .hasMessageContaining("older than 12");
        assertThatThrownBy(() -> restarted.check(new Principal("operator", Role.ADMIN), "13"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("only the supervisor's token may");
        assertThat(restarted.highest()).isEqualTo(12);
    }
}
