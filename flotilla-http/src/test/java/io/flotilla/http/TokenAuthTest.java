package io.flotilla.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenAuthTest {

    private final TokenAuth auth =
            new TokenAuth(
                    List.of(
                            new TokenAuth.Token("ci", Role.OPERATOR, "o".repeat(32)),
                            new TokenAuth.Token("dashboard", Role.VIEWER, "v".repeat(32))));

    @Test
    void validTokenNamesItsPrincipalAndRole() {
        assertThat(auth.authenticate("Bearer " + "o".repeat(32)))
                .isEqualTo(new Principal("ci", Role.OPERATOR));
    }

    @Test
    void tokensWithoutRolesAreAdmins() {
        assertThat(
                        new TokenAuth(Map.of("caller", "s".repeat(32)))
                                .authenticate("Bearer " + "s".repeat(32))
                                .role())
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void missingOrMalformedHeaderIs401() {
        for (String header :
                new String[] {null, "", "Basic abc", "Bearer ", "bearer " + "o".repeat(32)}) {
            assertThatThrownBy(() -> auth.authenticate(header))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void wrongTokenIs401AndTheMessageDoesNotEchoIt() {
        assertThatThrownBy(() -> auth.authenticate("Bearer guessed-guessed-guessed"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.getMessage()).doesNotContain("guessed");
                        });
    }

    @Test
    void aRoleBelowTheNeededOneIs403NamingBoth() {
        assertThatThrownBy(
                        () ->
                                TokenAuth.require(
                                        new Principal("dashboard", Role.VIEWER),
                                        Role.OPERATOR,
                                        "POST /v1/x"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.getMessage())
                                    .contains("role viewer", "needs role operator");
                        });
        TokenAuth.require(new Principal("root", Role.ADMIN), Role.OPERATOR, "POST /v1/x");
    }

    @Test
    void shortTokensAndDuplicateNamesAreRefusedAtStart() {
        assertThatThrownBy(() -> new TokenAuth(Map.of("x", "short")))
                .hasMessageContaining("at least 16 characters");
        assertThatThrownBy(
                        () ->
                                new TokenAuth(
                                        List.of(
                                                new TokenAuth.Token(
                                                        "a", Role.ADMIN, "1".repeat(16)),
                                                new TokenAuth.Token(
                                                        "a", Role.VIEWER, "2".repeat(16)))))
                .hasMessageContaining("used twice");
    }
}
