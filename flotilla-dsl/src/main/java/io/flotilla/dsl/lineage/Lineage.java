package io.flotilla.dsl.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** The tables a job reads and writes, as the supervisor and the UI show them. */
@JsonPropertyOrder({"job", "declaredBy", "reads", "writes"})
public record Lineage(String job, String declaredBy, List<TableRef> reads, List<TableRef> writes) {

    /**
     * One table as lineage reports it: where it lives, in which format, who owns and declares it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "connector", "location", "format", "owner", "declaredBy"})
    public record TableRef(
            String name,
            String connector,
            String location,
            String format,
            String owner,
            String declaredBy) {}

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lineage is always serialisable", e);
        }
    }
}
