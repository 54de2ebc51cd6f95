package io.flotilla.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Body(String name, Integer count, List<String> tags) {}

    private static ApiException read(String json) {
        try {
            Json.read(json.getBytes(StandardCharsets.UTF_8), Body.class);
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("accepted " + json);
    }

    @Test
    void unknownFieldIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Json.read("{\"nme\": \"x\"}".getBytes(), Body.class))
                .hasMessage("unknown field 'nme': known fields are count, name, tags");
    }

    @Test
    void malformedJsonGivesLineAndColumnWithoutParserNoise() {
        ApiException e = read("{\n  \"name\": ");
        org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("malformed_json");
        org.assertj.core.api.Assertions.assertThat(e.getMessage())
                .startsWith("malformed JSON at line 2")
                .doesNotContain("Source");
    }

    @Test
    void wrongTypeNamesTheField() {
        ApiException e = read("{\"count\": \"many\"}");
        org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("count");
        org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("invalid_field");
    }

    @Test
    void emptyBodyAndTrailingGarbageAreRefused() {
        org.assertj.core.api.Assertions.assertThat(read("").code()).isEqualTo("missing_body");
        org.assertj.core.api.Assertions.assertThat(read("{} {}").code())
                .isEqualTo("malformed_json");
    }

    @Test
    void aBodyOfJsonNullIsRefusedNotHandedOnAsNull() {
        org.assertj.core.api.Assertions.assertThat(read("null").code()).isEqualTo("missing_body");
    }

    @Test
    void noValueIsSilentlyConvertedIntoAnother() {
        for (String json :
                List.of(
                        "{\"count\": 1.5}",
                        "{\"count\": \"2\"}",
                        "{\"count\": \"\"}",
                        "{\"count\": 2147483648}",
                        "{\"name\": 5}",
                        "{\"name\": true}",
                        "{\"tags\": [1]}")) {
            ApiException e = read(json);
            org.assertj.core.api.Assertions.assertThat(e.code())
                    .as(json)
                    .isEqualTo("invalid_field");
            org.assertj.core.api.Assertions.assertThat(e.field())
                    .as(json)
                    .isIn("count", "name", "tags", "tags.[0]");
        }
    }

    @Test
    void aBodyCutShortInsideAFieldIsMalformedJson() {
        ApiException e = read("{\"tags\": [");
        org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("malformed_json");
        org.assertj.core.api.Assertions.assertThat(e.field()).isNull();
    }
}
