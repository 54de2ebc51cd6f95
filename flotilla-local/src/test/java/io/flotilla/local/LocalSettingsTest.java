package io.flotilla.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.common.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        LocalSettings s = LocalSettings.parse(List.of(), Map.of());
        assertThat(s.get(LocalSettings.CLUSTERS)).isEqualTo(2);
        assertThat(s.get(LocalSettings.SLOTS)).isEqualTo(4);
        assertThat(s.get(LocalSettings.HOME)).isEqualTo(".flotilla");
    }

    @Test
    void optionsOverrideEnvironmentWhichOverridesDefaults() {
        LocalSettings s =
                LocalSettings.parse(
                        List.of("--clusters", "3", "--slots=6"),
                        Map.of("FLOTILLA_CLUSTERS", "5", "FLOTILLA_HOME", "/tmp/x"));
        assertThat(s.get(LocalSettings.CLUSTERS)).isEqualTo(3);
        assertThat(s.get(LocalSettings.SLOTS)).isEqualTo(6);
        assertThat(s.get(LocalSettings.HOME)).isEqualTo("/tmp/x");
    }

    @Test
    void unknownOptionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> LocalSettings.parse(List.of("--cluster", "2"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown option '--cluster'")
                .hasMessageContaining("--clusters");
    }

    @Test
    void badValueNamesTheOptionAndTheRule() {
        assertThatThrownBy(() -> LocalSettings.parse(List.of("--slots", "many"), Map.of()))
                .hasMessage("--slots must be a whole number, got 'many'");
        assertThatThrownBy(() -> LocalSettings.parse(List.of("--clusters", "0"), Map.of()))
                .hasMessage("--clusters must be between 1 and 16, got 0");
        assertThatThrownBy(() -> LocalSettings.parse(List.of("--slots"), Map.of()))
                .hasMessage("option --slots needs a value");
    }

    @Test
    void badEnvironmentValueIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> LocalSettings.parse(List.of(), Map.of("FLOTILLA_S3_PORT", "x")))
                .hasMessageContaining("--s3-port must be a whole number");
    }

    @Test
    void everySettingIsListedInTheConfigurationDocs() throws Exception {
        Path docs =
                Path.of(System.getProperty("user.dir"))
                        .getParent()
                        .resolve("docs/configuration.md");
        String text = Files.readString(docs);
        for (Setting<?> setting : LocalSettings.ALL) {
            assertThat(text).as("docs/configuration.md").contains("`--" + setting.name() + "`");
        }
    }
}
