package io.flotilla.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {

    static final Endpoint<Void, String> LINEAGE =
            Endpoint.get(
                    "/v1/deployments/{name}/lineage/{version}",
                    Role.VIEWER,
                    String.class,
                    "getLineage",
                    "lineage");

    @Test
    void expandsPathParametersInOrderAndPercentEncodesThem() {
        assertThat(LINEAGE.params()).containsExactly("name", "version");
        assertThat(LINEAGE.expand("orders", "1.0 beta/2"))
                .isEqualTo("/v1/deployments/orders/lineage/1.0%20beta%2F2");
    }

    @Test
    void refusesTheWrongNumberOfParameters() {
        assertThatThrownBy(() -> LINEAGE.expand("orders"))
                .hasMessageContaining("getLineage needs [name, version]");
    }

    @Test
    void aGetHasNoBodyAndAChangeMayHaveAnOptionalOne() {
        assertThat(LINEAGE.hasBody()).isFalse();
        Endpoint<String, String> stop =
                Endpoint.change(
                                "POST",
                                "/v1/x/{id}/stop",
                                Role.OPERATOR,
                                String.class,
                                String.class,
                                200,
                                "stop",
                                "stops")
                        .optionalBody();
        assertThat(stop.hasBody()).isTrue();
        assertThat(stop.requestOptional()).isTrue();
        assertThat(stop.key()).isEqualTo("POST /v1/x/{id}/stop");
    }
}
