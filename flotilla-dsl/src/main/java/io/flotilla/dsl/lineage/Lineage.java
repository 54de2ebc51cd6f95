package io.flotilla.dsl.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** The tables a job reads and writes, as the supervisor and the UI show them. */
@JsonPropertyOrder({"job", "declaredBy", "reads", "writes", "functions"})
public record Lineage(
        String job,
        String declaredBy,
        List<TableRef> reads,
        List<TableRef> writes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FunctionRef> functions) {

    public Lineage {
        // JSON written before functions were tracked has none.
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    /** Lineage of a job that calls no Java function of its own. */
    public Lineage(String job, String declaredBy, List<TableRef> reads, List<TableRef> writes) {
        this(job, declaredBy, reads, writes, List.of());
    }

    /** A Java function the job's plan calls: its SQL name, kind, class and declaration. */
    @JsonPropertyOrder({"name", "kind", "className", "declaredBy"})
    public record FunctionRef(String name, String kind, String className, String declaredBy) {}

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
