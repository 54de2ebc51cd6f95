package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.http.ApiException;
import io.flotilla.supervisor.http.ClusterRegistrationPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClusterRegistrationPolicyTest {

    private final ClusterRegistrationPolicy policy =
            new ClusterRegistrationPolicy(
                    Path.of("/run/secrets"), "FLOTILLA_CLUSTER_TOKEN_", false);

    @Test
    void tokensComeOnlyFromTheSecretsFolderOrTheDeclaredPrefix() {
        assertThat(policy.tokenRef("tokenRef", "file:/run/secrets/cluster-1.token"))
                .isEqualTo("file:/run/secrets/cluster-1.token");
        assertThat(policy.tokenRef("tokenRef", "env:FLOTILLA_CLUSTER_TOKEN_EU_1"))
                .isEqualTo("env:FLOTILLA_CLUSTER_TOKEN_EU_1");
        assertThatThrownBy(
                        () -> policy.tokenRef("tokenRef", "env:FLOTILLA_SUPERVISOR_JDBC_PASSWORD"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("FLOTILLA_CLUSTER_TOKEN_")
                .hasMessageContaining("--secrets-env-prefix");
        assertThatThrownBy(() -> policy.tokenRef("tokenRef", "file:/run/secrets/../passwd"))
                .hasMessageContaining("inside the secrets folder /run/secrets");
        assertThatThrownBy(() -> policy.tokenRef("tokenRef", "file:/run/secrets2/t"))
                .hasMessageContaining("inside the secrets folder");
    }

    @Test
    void withoutSettingsNoReferenceIsAccepted() {
        ClusterRegistrationPolicy strict = ClusterRegistrationPolicy.strict();
        assertThatThrownBy(() -> strict.tokenRef("tokenRef", "file:/run/secrets/t"))
                .hasMessageContaining("--secrets-dir");
        assertThatThrownBy(() -> strict.tokenRef("tokenRef", "env:FLOTILLA_CLUSTER_TOKEN_1"))
                .hasMessageContaining("--secrets-env-prefix");
        assertThatThrownBy(() -> strict.sidecarUrl("sidecarUrl", "http://127.0.0.1:8100"))
                .hasMessageContaining("--sidecar-allow-http");
    }

    @Test
    void sidecarUrlsAreHttpsAndNeverLinkLocalOrMetadata() {
        assertThat(policy.sidecarUrl("sidecarUrl", "https://10.0.0.5:8100"))
                .isEqualTo("https://10.0.0.5:8100");
        assertThat(policy.sidecarUrl("sidecarUrl", "https://sidecar-1.flink.internal"))
                .isEqualTo("https://sidecar-1.flink.internal");
        assertThat(policy.sidecarUrl("sidecarUrl", "https://[2001:db8::5]:8100")).isNotNull();
        for (String bad :
                new String[] {
                    "https://169.254.169.254/latest/meta-data",
                    "https://169.254.0.1",
                    "https://[fe80::1]",
                    "https://[fe80::1%25eth0]",
                    "https://[::ffff:a9fe:a9fe]",
                    "https://metadata.google.internal.",
                    "https://METADATA.GOOGLE.INTERNAL"
                }) {
            assertThatThrownBy(() -> policy.sidecarUrl("sidecarUrl", bad))
                    .as(bad)
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("field 'sidecarUrl'");
        }
        assertThatThrownBy(() -> policy.sidecarUrl("sidecarUrl", "http://10.0.0.5:8100"))
                .hasMessageContaining("must be https://");
    }

    @Test
    void plainHttpOnlyWhereTheSettingAllowsIt() {
        ClusterRegistrationPolicy local =
                new ClusterRegistrationPolicy(Path.of("/run/secrets"), "", true);
        assertThat(local.sidecarUrl("sidecarUrl", "http://127.0.0.1:8100")).isNotNull();
        assertThatThrownBy(() -> local.sidecarUrl("sidecarUrl", "http://169.254.169.254/"))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> local.tokenRef("tokenRef", "env:FLOTILLA_CLUSTER_TOKEN_1"))
                .hasMessageContaining("may not name an environment variable");
    }
}
