package io.flotilla.dsl.job;

/** A streaming job written in Java: it reads and writes declared tables through its context. */
public interface FlotillaJob {

    /** Builds the job's pipelines; called once, before anything is planned or submitted. */
    void build(JobContext ctx);

    /**
     * The job's name (Flink's pipeline.name, the Kafka consumer group); the class name by default.
     */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
