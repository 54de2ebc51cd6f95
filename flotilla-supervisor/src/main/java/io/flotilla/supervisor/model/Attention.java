package io.flotilla.supervisor.model;

import java.time.Instant;
import java.util.List;

/**
 * Why the supervisor stopped retrying a deployment, and what an operator can do about it.
 *
 * @param generation the desired generation it happened at: a newer one (an operator's start from a
 *     savepoint, a stateless start, any spec change) is tried again
 */
public record Attention(String cause, List<String> options, long generation, Instant since) {

    /** What an operator can do about any deployment that needs attention. */
    public static final List<String> OPTIONS =
            List.of(
                    "start from a chosen savepoint: POST /v1/deployments/{name}/start-from-savepoint"
                            + " {\"savepoint\": \"s3://...\"}",
                    "start stateless: PUT /v1/deployments/{name} {\"upgradeMode\": \"STATELESS\","
                            + " \"expectedGeneration\": N}",
                    "change the spec (PUT /v1/deployments/{name}) or release a fixed version");

    public Attention {
        options = List.copyOf(options);
    }

    public static Attention of(String cause, String deployment, long generation, Instant since) {
        return new Attention(
                cause,
                OPTIONS.stream().map(o -> o.replace("{name}", deployment)).toList(),
                generation,
                since);
    }
}
