package io.flotilla.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    static final Setting<Duration> AGE = Setting.duration("max-age", Duration.ofDays(7), "age");
    static final Setting<Long> SIZE = Setting.bytes("max-size", 1024, "size");
    static final Setting<List<String>> HOSTS = Setting.list("hosts", List.of(), "hosts");
    static final List<Setting<?>> ALL = List.of(AGE, SIZE, HOSTS);

    @Test
    void durationsInShortAndIsoForm() {
        Settings s = Settings.parse(ALL, "X", List.of("--max-age", "90m"), Map.of());
        assertThat(s.get(AGE)).isEqualTo(Duration.ofMinutes(90));
        assertThat(Settings.parse(ALL, "X", List.of("--max-age=PT2H"), Map.of()).get(AGE))
                .isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Settings.parse(ALL, "X", List.of("--max-age", "soon"), Map.of()))
                .hasMessage(
                        "--max-age must be a duration such as 30s, 5m, 2h, 7d or PT30S, got 'soon'");
    }

    @Test
    void sizesWithUnits() {
        assertThat(Settings.parse(ALL, "X", List.of("--max-size", "256m"), Map.of()).get(SIZE))
                .isEqualTo(256L << 20);
        assertThatThrownBy(() -> Settings.parse(ALL, "X", List.of("--max-size", "-1"), Map.of()))
                .hasMessageContaining("--max-size must be a positive size");
    }

    @Test
    void listsFromTheEnvironment() {
        Settings s =
                Settings.parse(ALL, "X", List.of(), Map.of("X_HOSTS", "a.example, b.example,"));
        assertThat(s.get(HOSTS)).containsExactly("a.example", "b.example");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        Setting<Boolean> on = Setting.bool("on", true, "on");
        assertThat(Settings.parse(List.of(on), "X", List.of("--on", "FALSE"), Map.of()).get(on))
                .isFalse();
        assertThat(Settings.parse(List.of(on), "X", List.of(), Map.of()).get(on)).isTrue();
        assertThatThrownBy(() -> Settings.parse(List.of(on), "X", List.of("--on", "yes"), Map.of()))
                .hasMessage("--on must be true or false, got 'yes'");
    }

    @Test
    void undeclaredSettingIsAProgrammingError() {
        Settings s = Settings.parse(List.of(AGE), "X", List.of(), Map.of());
        assertThatThrownBy(() -> s.get(SIZE)).hasMessageContaining("not declared");
    }

    @Test
    void markdownTableListsEverySetting() {
        assertThat(Settings.markdownTable(ALL))
                .contains("| `--max-age` | duration | `PT168H` | age |")
                .contains("| `--hosts` | list | (none) | hosts |");
    }
}
