package io.flotilla.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated document: schemas of records, roles, parameters, and the shared check on it. */
class OpenApiDocumentTest {

    enum Colour {
        RED,
        GREEN
    }

    record Part(String name, @Schema(description = "when it was made") Instant madeAt) {}

    record Widget(
            String name,
            Colour colour,
            Duration every,
            List<Part> parts,
            @Schema(description = "how many are left") int left) {}

    record WidgetList(List<Widget> widgets, long total) {}

    static final Endpoint<Void, WidgetList> LIST =
            Endpoint.get("/v1/widgets", Role.VIEWER, WidgetList.class, "listWidgets", "Widgets")
                    .withQuery(
                            Endpoint.query("colour", Colour.class, "only this colour"),
                            Endpoint.query("limit", Integer.class, "rows in a page"));
    static final Endpoint<Widget, Widget> PUT =
            Endpoint.change(
                    "PUT",
                    "/v1/widgets/{name}",
                    Role.ADMIN,
                    Widget.class,
                    Widget.class,
                    200,
                    "putWidget",
                    "Stores a widget");

    HttpApi api(List<Endpoint<?, ?>> endpoints) {
        HttpApi api =
                new HttpApi(
                        "test",
                        new InetSocketAddress("127.0.0.1", 0),
                        new TokenAuth(Map.of("t", "t".repeat(32))),
                        new SimpleMeterRegistry(),
                        e -> null);
        endpoints.forEach(e -> api.route(e, r -> Response.ok(Map.of())));
        return api;
    }

    String document(List<Endpoint<?, ?>> endpoints) {
        return OpenApiDocument.json("Widgets", "1", "Widgets for tests", endpoints);
    }

    @Test
    void recordsBecomeSchemasWithEnumsTimesAndFieldDocs() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(document(List.of(LIST, PUT)));
        JsonNode widget = doc.at("/components/schemas/Widget/properties");

        assertThat(widget.at("/every/type").asText()).isEqualTo("string");
        assertThat(widget.at("/left/description").asText()).isEqualTo("how many are left");
        assertThat(widget.at("/parts/items/$ref").asText()).isEqualTo("#/components/schemas/Part");
        assertThat(doc.at("/components/schemas/Part/properties/madeAt/format").asText())
                .isEqualTo("date-time");
        assertThat(doc.at("/components/schemas/Part/properties/madeAt/description").asText())
                .isEqualTo("when it was made");
        assertThat(doc.at("/paths/~1v1~1widgets~1{name}/put/x-flotilla-role").asText())
                .isEqualTo("admin");
        assertThat(doc.at("/paths/~1v1~1widgets/get/parameters/0/schema/enum").toString())
                .isEqualTo("[\"RED\",\"GREEN\"]");
    }

    @Test
    void theSharedCheckPassesForADocumentOfEveryRoute() throws Exception {
        OpenApiCheck.check(document(List.of(LIST, PUT)), api(List.of(LIST, PUT)));
    }

    @Test
    void theSharedCheckFindsARouteTheDocumentLacks() {
        assertThatThrownBy(
                        () -> OpenApiCheck.check(document(List.of(LIST)), api(List.of(LIST, PUT))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PUT /v1/widgets/{name}");
    }

    @Test
    void theSharedCheckFindsAnInvalidDocument() {
        assertThatThrownBy(() -> OpenApiCheck.assertValid("{\"openapi\": \"3.0.1\", \"paths\": 5}"))
                .isInstanceOf(AssertionError.class);
    }
}
