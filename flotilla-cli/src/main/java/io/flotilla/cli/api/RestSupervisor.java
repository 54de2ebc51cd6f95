package io.flotilla.cli.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.ExitCode;
import io.flotilla.cli.api.Records.ChangeRequest;
import io.flotilla.cli.api.Records.Clusters;
import io.flotilla.cli.api.Records.Deployment;
import io.flotilla.cli.api.Records.DeploymentList;
import io.flotilla.cli.api.Records.ErrorBody;
import io.flotilla.cli.api.Records.Events;
import io.flotilla.cli.api.Records.FromSavepointRequest;
import io.flotilla.cli.api.Records.Lineage;
import io.flotilla.cli.api.Records.LogPage;
import io.flotilla.cli.api.Records.ReleaseRequest;
import io.flotilla.cli.api.Records.Releases;
import io.flotilla.cli.api.Records.Runs;
import io.flotilla.cli.api.Records.SpecRequest;
import io.flotilla.cli.api.Records.State;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The supervisor's REST API as typed calls: one method per route the CLI uses. Every error answer
 * becomes a {@link CliFailure} of the right class whose one line says what and how to fix it.
 */
public final class RestSupervisor {

    /** The CLI's JSON mapper: ISO instants, lenient on fields it does not know. */
    public static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);

    private final URI base;
    private final String token;
    private final HttpClient http;

    public RestSupervisor(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI url() {
        return base;
    }

    public DeploymentList deployments() {
        return call("GET", "/v1/deployments", null, DeploymentList.class);
    }

    public Deployment deployment(String name) {
        return call("GET", path(name), null, Deployment.class);
    }

    /** The deployment, or empty when none has that name. */
    public Optional<Deployment> findDeployment(String name) {
        try {
            return Optional.of(deployment(name));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    public Deployment create(SpecRequest spec) {
        return call("POST", "/v1/deployments", spec, Deployment.class);
    }

    public Deployment update(String name, SpecRequest spec) {
        return call("PUT", path(name), spec, Deployment.class);
    }

    public Deployment delete(String name) {
        return call("DELETE", path(name), null, Deployment.class);
    }

    public Deployment start(String name) {
        return call("POST", path(name) + "/start", new ChangeRequest(null), Deployment.class);
    }

    public Deployment stop(String name) {
        return call("POST", path(name) + "/stop", new ChangeRequest(null), Deployment.class);
    }

    public Deployment restart(String name) {
        return call("POST", path(name) + "/restart", new ChangeRequest(null), Deployment.class);
    }

    public Deployment startFromSavepoint(String name, String savepoint) {
        return call(
                "POST",
                path(name) + "/start-from-savepoint",
                new FromSavepointRequest(savepoint, null),
                Deployment.class);
    }

    public Deployment release(String name, ReleaseRequest release) {
        return call("POST", path(name) + "/releases", release, Deployment.class);
    }

    public Releases releases(String name) {
        return call("GET", path(name) + "/releases", null, Releases.class);
    }

    public Runs runs(String name) {
        return call("GET", path(name) + "/runs", null, Runs.class);
    }

    public State state(String name) {
        return call("GET", path(name) + "/state", null, State.class);
    }

    /** One page of the audit log, oldest first; {@code deployment} may be null for all. */
    public Events events(String deployment, long after, int limit) {
        String q = "?after=" + after + "&limit=" + limit;
        if (deployment != null) {
            q += "&deployment=" + enc(deployment);
        }
        return call("GET", "/v1/events" + q, null, Events.class);
    }

    public Clusters clusters() {
        return call("GET", "/v1/clusters", null, Clusters.class);
    }

    /** The lineage stored for a version, or empty when the build stored none. */
    public Optional<Lineage> lineage(String name, String version) {
        try {
            return Optional.of(
                    call("GET", path(name) + "/lineage/" + enc(version), null, Lineage.class));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    public Lineage putLineage(String name, String version, Lineage lineage) {
        return call("PUT", path(name) + "/lineage/" + enc(version), lineage, Lineage.class);
    }

    /**
     * A page of the JobManager's or a TaskManager's log of the cluster the deployment runs on, only
     * the lines naming its job unless {@code all}; {@code offset} is the previous page's {@code
     * next}, or null for the newest lines.
     */
    public LogPage logs(String name, String source, Long offset, int limit, boolean all) {
        String q = "?source=" + enc(source) + "&limit=" + limit + (all ? "&all=true" : "");
        if (offset != null) {
            q += "&offset=" + offset;
        }
        return call("GET", path(name) + "/logs" + q, null, LogPage.class);
    }

    private static String path(String name) {
        return "/v1/deployments/" + enc(name);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A 404: the caller decides whether that is an error. */
    public static final class NotFound extends CliFailure {
        NotFound(String message) {
            super(ExitCode.BAD_INPUT, message);
        }
    }

    private <T> T call(String method, String path, Object body, Class<T> type) {
        HttpRequest.Builder req =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json");
        try {
            req.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                req.header("Content-Type", "application/json");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<byte[]> reply;
        try {
            reply = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpTimeoutException e) {
            throw CliFailure.unreachable(
                    "cannot reach the supervisor at "
                            + base
                            + " ("
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getMessage())
                            + "): check --url / FLOTILLA_URL, or start the local platform with"
                            + " 'bin/flotilla start'");
        } catch (IOException e) {
            throw CliFailure.unreachable(
                    "cannot talk to the supervisor at "
                            + base
                            + " ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "): check --url / FLOTILLA_URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.failed("interrupted");
        }
        return read(method, path, reply, type);
    }

    private <T> T read(String method, String path, HttpResponse<byte[]> reply, Class<T> type) {
        int status = reply.statusCode();
        boolean json =
                reply.headers()
                        .firstValue("Content-Type")
                        .map(c -> c.contains("json"))
                        .orElse(false);
        if (!json) {
            throw CliFailure.unreachable(
                    base
                            + " answered "
                            + method
                            + " "
                            + path
                            + " with HTTP "
                            + status
                            + " and no JSON: it is not a Flotilla supervisor; check --url /"
                            + " FLOTILLA_URL");
        }
        try {
            if (status < 300) {
                return JSON.readValue(reply.body(), type);
            }
            ErrorBody err = JSON.readValue(reply.body(), ErrorBody.class);
            String code = err.error() == null ? "error" : err.error().code();
            String message = err.error() == null ? "HTTP " + status : err.error().message();
            throw switch (status) {
                case 401 ->
                        CliFailure.unreachable(
                                "the supervisor at "
                                        + base
                                        + " refused the token ("
                                        + code
                                        + "): check --token-file / FLOTILLA_TOKEN, or run"
                                        + " 'flotilla login --url "
                                        + base
                                        + " --token-file FILE'");
                case 403 ->
                        CliFailure.unreachable(
                                "not allowed: "
                                        + message
                                        + ": ask the platform's operators for a token with that"
                                        + " role");
                case 404 -> new NotFound(message);
                default ->
                        status >= 500
                                ? CliFailure.failed(
                                        "the supervisor failed (" + code + "): " + message)
                                : CliFailure.badInput(message);
            };
        } catch (IOException e) {
            throw CliFailure.unreachable(
                    base
                            + " answered "
                            + method
                            + " "
                            + path
                            + " with HTTP "
                            + status
                            + " that is not the supervisor's JSON ("
                            + e.getMessage()
                            + "): check --url / FLOTILLA_URL");
        }
    }
}
