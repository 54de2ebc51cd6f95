package io.flotilla.ui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlinkWebTest {

    @Test
    void onlyHttpAndHttpsAddressesBecomeLinks() {
        assertThat(FlinkWeb.safe("http://jm:8081/")).isEqualTo("http://jm:8081");
        assertThat(FlinkWeb.safe("https://flink.example.com"))
                .isEqualTo("https://flink.example.com");
        assertThat(FlinkWeb.safe("javascript:alert(1)")).isNull();
        assertThat(FlinkWeb.safe(" http://x")).isNull();
        assertThat(FlinkWeb.safe(null)).isNull();
    }
}
