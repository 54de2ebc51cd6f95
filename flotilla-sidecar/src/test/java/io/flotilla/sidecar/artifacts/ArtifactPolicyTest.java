package io.flotilla.sidecar.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.http.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArtifactPolicyTest {

    private final ArtifactPolicy policy =
            new ArtifactPolicy(
                    List.of("s3://flotilla-artifacts/", "s3://builds/jobs"),
                    List.of("repo.example.com", "cdn.example.com:8443"));

    @Test
    void objectUnderATrustedPrefixIsAccepted() {
        ArtifactLocation l = policy.check("s3://flotilla-artifacts/orders/1.0/orders.jar");
        assertThat(l.s3()).isTrue();
        assertThat(l.bucket()).isEqualTo("flotilla-artifacts");
        assertThat(l.key()).isEqualTo("orders/1.0/orders.jar");
        assertThat(policy.check("s3://builds/jobs/x.jar").key()).isEqualTo("jobs/x.jar");
    }

    @Test
    void trustedHttpsHostIsAcceptedWithItsPort() {
        assertThat(policy.check("https://repo.example.com/a/b.jar").s3()).isFalse();
        assertThat(policy.check("https://CDN.example.com:8443/b.jar").scheme()).isEqualTo("https");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "file:///etc/job.jar | scheme 'file' is not allowed",
                "http://repo.example.com/job.jar | scheme 'http' is not allowed",
                "ftp://repo.example.com/job.jar | scheme 'ftp' is not allowed",
                "https://evil.example.com/job.jar | host 'evil.example.com' is not a trusted https host",
                "https://repo.example.com:444/job.jar | host 'repo.example.com:444' is not a trusted",
                "https://user@repo.example.com/job.jar | must not carry user info",
                "https://repo.example.com/job.jar?x=1 | must not carry user info, a query or a fragment",
                "s3://other/job.jar | outside the trusted S3 locations",
                "s3://builds/jobsX/job.jar | outside the trusted S3 locations",
                "s3://flotilla-artifacts/../secret/job.jar | path traversal",
                "s3://flotilla-artifacts/a/./job.jar | path traversal",
                "s3://flotilla-artifacts/a/%2e%2e/job.jar | percent-encode",
                "s3://flotilla-artifacts/a%2Fb.jar | percent-encode",
                "s3://flotilla-artifacts/a\\b.jar | backslashes",
                "s3://flotilla-artifacts/a//b.jar | empty path segments",
                "s3://flotilla-artifacts/job.zip | must name a .jar file",
                "s3://flotilla-artifacts/job jar.jar | spaces",
                "'' | artifact.uri is required",
            })
    void untrustedUriIsRefusedNamingTheRule(String uri, String rule) {
        assertThatThrownBy(() -> policy.check(uri))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(rule)
                .satisfies(
                        e -> {
                            ApiException a = (ApiException) e;
                            assertThat(a.status()).isEqualTo(400);
                            assertThat(a.code()).isEqualTo("untrusted_artifact");
                            assertThat(a.field()).isEqualTo("artifact.uri");
                        });
    }

    @Test
    void sha256MustBe64LowerCaseHexDigits() {
        assertThat(ArtifactPolicy.checkSha256("a".repeat(64))).hasSize(64);
        for (String bad : new String[] {null, "", "A".repeat(64), "a".repeat(63), "g".repeat(64)}) {
            assertThatThrownBy(() -> ArtifactPolicy.checkSha256(bad))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("64 lower-case hex digits");
        }
    }
}
