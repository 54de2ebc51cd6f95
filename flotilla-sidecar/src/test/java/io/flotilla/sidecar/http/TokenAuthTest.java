package io.flotilla.sidecar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenAuthTest {

    private final TokenAuth auth =
            new TokenAuth(Map.of("supervisor", "s".repeat(32), "operator", "o".repeat(32)));

    @Test
    void validTokenNamesItsPrincipal() {
        assertThat(auth.authenticate("Bearer " + "o".repeat(32))).isEqualTo("operator");
    }

    @Test
    void missingOrMalformedHeaderIs401() {
        for (String header :
                new String[] {null, "", "Basic abc", "Bearer ", "bearer " + "s".repeat(32)}) {
            assertThatThrownBy(() -> auth.authenticate(header))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void wrongTokenIs403AndTheMessageDoesNotEchoIt() {
        assertThatThrownBy(() -> auth.authenticate("Bearer guessed-guessed-guessed"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.getMessage()).doesNotContain("guessed");
                        });
    }

    @Test
    void shortTokensAreRefusedAtStart() {
        assertThatThrownBy(() -> new TokenAuth(Map.of("x", "short")))
                .hasMessageContaining("at least 16 characters");
    }
}
