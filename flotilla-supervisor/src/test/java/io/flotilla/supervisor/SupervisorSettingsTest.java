package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.common.Setting;
import io.flotilla.supervisor.app.SupervisorSettings;
import io.flotilla.supervisor.app.TokensFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorSettingsTest {

    @TempDir Path dir;

    @Test
    void requiredSettingIsNamedWithWhatItIs() {
        assertThatThrownBy(() -> SupervisorSettings.parse(List.of("--tokens-file", "t"), Map.of()))
                .hasMessageStartingWith("--jdbc-url is required: The supervisor's PostgreSQL");
    }

    @Test
    void settingsComeFromTheEnvironmentWithTheSupervisorPrefix() {
        SupervisorSettings s =
                SupervisorSettings.parse(
                        List.of("--tokens-file", "t"),
                        Map.of(
                                "FLOTILLA_SUPERVISOR_JDBC_URL", "jdbc:postgresql://db/x",
                                "FLOTILLA_SUPERVISOR_TICK_INTERVAL", "2s"));
        assertThat(s.get(SupervisorSettings.JDBC_URL)).isEqualTo("jdbc:postgresql://db/x");
        assertThat(s.get(SupervisorSettings.TICK_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aLeaseShorterThanTwoTicksIsRefused() {
        assertThatThrownBy(
                        () ->
                                SupervisorSettings.parse(
                                        List.of(
                                                "--jdbc-url", "jdbc:postgresql://db/x",
                                                "--tokens-file", "t",
                                                "--tick-interval", "5s",
                                                "--lease-ttl", "6s"),
                                        Map.of()))
                .hasMessageContaining("--lease-ttl must be at least twice --tick-interval");
    }

    @Test
    void tokensFileErrorsNameTheLineButNeverTheToken() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(
                file, "# ops\nroot admin " + "s".repeat(32) + "\nci boss secret-secret-secret\n");
        assertThatThrownBy(() -> TokensFile.read(file))
                .hasMessageContaining("line 3")
                .hasMessageContaining("unknown role 'boss'")
                .hasMessageNotContaining("secret-secret");
        Files.writeString(file, "root admin " + "s".repeat(32) + "\n");
        assertThat(TokensFile.read(file))
                .singleElement()
                .satisfies(t -> assertThat(t.name()).isEqualTo("root"));
    }

    @Test
    void everySettingIsListedInTheConfigurationDocs() throws Exception {
        String docs =
                Files.readString(
                        Path.of(System.getProperty("user.dir"))
                                .getParent()
                                .resolve("docs/configuration.md"));
        int section = docs.indexOf("## Supervisor");
        assertThat(section).as("a '## Supervisor' section in docs/configuration.md").isPositive();
        for (Setting<?> s : SupervisorSettings.ALL) {
            assertThat(docs.substring(section)).contains("`--" + s.name() + "`");
        }
    }
}
