package io.flotilla.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.common.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SidecarSettingsTest {

    private static final Map<String, String> TOKEN =
            Map.of("FLOTILLA_SIDECAR_TOKEN", "t".repeat(32));

    @Test
    void requiredSettingIsNamedWithWhatItIs() {
        assertThatThrownBy(() -> SidecarSettings.parse(List.of("--cluster", "c1"), TOKEN))
                .hasMessageStartingWith("--flink-rest-url is required: The JobManager's REST API");
    }

    @Test
    void clusterNameMustBeAPathSafeName() {
        assertThatThrownBy(
                        () ->
                                SidecarSettings.parse(
                                        List.of(
                                                "--cluster",
                                                "../c1",
                                                "--flink-rest-url",
                                                "http://x:1"),
                                        TOKEN))
                .hasMessageContaining("--cluster must be lower-case letters, digits and '-'");
    }

    @Test
    void stateUriDefaultsToTheClustersFolderInTheStateBucket() {
        SidecarSettings s =
                SidecarSettings.parse(
                        List.of("--cluster", "c1", "--flink-rest-url", "http://x:1"), TOKEN);
        assertThat(s.stateUri()).isEqualTo("s3://flotilla-state/c1");
    }

    @Test
    void everySettingIsListedInTheConfigurationDocs() throws Exception {
        String docs =
                Files.readString(
                        Path.of(System.getProperty("user.dir"))
                                .getParent()
                                .resolve("docs/configuration.md"));
        for (Setting<?> s : SidecarSettings.ALL) {
            assertThat(docs).contains("`--" + s.name() + "`");
        }
    }
}
