package io.flotilla.sidecar;

import io.flotilla.common.Setting;
import io.flotilla.common.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every setting of a sidecar; {@code --name value} or {@code FLOTILLA_SIDECAR_NAME}. */
public final class SidecarSettings {

    public static final Setting<String> CLUSTER =
            Setting.string(
                    "cluster", "", "Name of the session cluster this sidecar serves (required).");
    public static final Setting<String> FLINK_REST_URL =
            Setting.string(
                    "flink-rest-url",
                    "",
                    "The JobManager's REST API, e.g. http://127.0.0.1:8081 (required).");
    public static final Setting<String> FLINK_WEB_URL =
            Setting.string(
                    "flink-web-url",
                    "",
                    "The Flink web UI as users' browsers reach it, for the links of Flotilla's web UI to Flink's job pages; empty: the REST API's address (Flink serves its web UI there).");
    public static final Setting<String> BIND =
            Setting.string("bind", "127.0.0.1", "Address the sidecar's HTTP API listens on.");
    public static final Setting<Integer> PORT =
            Setting.integer(
                    "port", 0, 0, 65535, "Port of the sidecar's HTTP API; 0 picks a free one.");
    public static final Setting<String> TOKEN =
            Setting.string(
                    "token",
                    "",
                    "Bearer token every request must carry, 16+ characters (required; never logged). Prefer FLOTILLA_SIDECAR_TOKEN.");
    public static final Setting<String> STATE_URI =
            Setting.string(
                    "state-uri",
                    "",
                    "The cluster's state prefix; default s3://flotilla-state/<cluster>.");
    public static final Setting<List<String>> RESTORE_ROOTS =
            Setting.list(
                    "restore-roots",
                    List.of("s3://flotilla-state/"),
                    "Where jobs may be restored from.");
    public static final Setting<String> S3_ENDPOINT =
            Setting.string(
                    "s3-endpoint", "", "S3 endpoint for state and artifacts; empty means AWS.");
    public static final Setting<String> S3_REGION =
            Setting.string("s3-region", "us-east-1", "S3 region.");
    public static final Setting<String> S3_ACCESS_KEY =
            Setting.string(
                    "s3-access-key",
                    "",
                    "S3 access key; empty uses the AWS default credential chain.");
    public static final Setting<String> S3_SECRET_KEY =
            Setting.string(
                    "s3-secret-key",
                    "",
                    "S3 secret key; never logged. Prefer FLOTILLA_SIDECAR_S3_SECRET_KEY.");
    public static final Setting<List<String>> ARTIFACT_S3_PREFIXES =
            Setting.list(
                    "artifact-s3-prefixes",
                    List.of("s3://flotilla-artifacts/"),
                    "Trusted S3 locations of job jars (bucket/prefix, comma-separated).");
    public static final Setting<List<String>> ARTIFACT_HTTPS_HOSTS =
            Setting.list(
                    "artifact-https-hosts",
                    List.of(),
                    "Trusted https hosts of job jars (host or host:port, comma-separated).");
    public static final Setting<Long> ARTIFACT_MAX_SIZE =
            Setting.bytes("artifact-max-size", 256L << 20, "Largest job jar accepted.");
    public static final Setting<String> WORK_DIR =
            Setting.string(
                    "work-dir",
                    "",
                    "The sidecar's data folder: downloads, and the highest fencing token, which must survive a restart (set it; the default, a new temporary folder, does not).");
    public static final Setting<String> FLINK_UPLOAD_DIR =
            Setting.string(
                    "flink-upload-dir",
                    "",
                    "The JobManager's web.upload.dir, readable by the sidecar: jars already there are hashed again before they are reused; empty uploads every artifact once per sidecar start.");
    public static final Setting<String> OPERATOR_TOKEN =
            Setting.string(
                    "operator-token",
                    "",
                    "Optional second bearer token, 16+ characters, for operators (curl, CLI): may do what the supervisor's may, but never raise its fencing token. Prefer FLOTILLA_SIDECAR_OPERATOR_TOKEN.");
    public static final Setting<Duration> FLINK_TIMEOUT =
            Setting.duration(
                    "flink-timeout",
                    Duration.ofSeconds(30),
                    "Timeout of one call to the JobManager.");

    /** This service's own settings, then the HTTP layer's (TLS, timeouts, limits). */
    public static final List<Setting<?>> ALL =
            java.util.stream.Stream.<Setting<?>>concat(
                            java.util.stream.Stream.of(
                                    CLUSTER,
                                    FLINK_REST_URL,
                                    FLINK_WEB_URL,
                                    BIND,
                                    PORT,
                                    TOKEN,
                                    STATE_URI,
                                    RESTORE_ROOTS,
                                    S3_ENDPOINT,
                                    S3_REGION,
                                    S3_ACCESS_KEY,
                                    S3_SECRET_KEY,
                                    ARTIFACT_S3_PREFIXES,
                                    ARTIFACT_HTTPS_HOSTS,
                                    ARTIFACT_MAX_SIZE,
                                    WORK_DIR,
                                    FLINK_TIMEOUT,
                                    OPERATOR_TOKEN,
                                    FLINK_UPLOAD_DIR),
                            io.flotilla.http.HttpSettings.ALL.stream())
                    .toList();

    private final Settings values;

    private SidecarSettings(Settings values) {
        this.values = values;
    }

    /** Parses and checks the settings; the required ones must be present. */
    public static SidecarSettings parse(List<String> args, Map<String, String> env) {
        SidecarSettings s = new SidecarSettings(Settings.parse(ALL, "FLOTILLA_SIDECAR", args, env));
        for (Setting<String> required : List.of(CLUSTER, FLINK_REST_URL, TOKEN)) {
            if (s.get(required).isBlank()) {
                throw new IllegalArgumentException(
                        "--" + required.name() + " is required: " + required.description());
            }
        }
        if (!s.get(CLUSTER).matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException(
                    "--cluster must be lower-case letters, digits and '-', got '"
                            + s.get(CLUSTER)
                            + "'");
        }
        return s;
    }

    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** The state prefix: {@code --state-uri}, or {@code s3://flotilla-state/<cluster>}. */
    public String stateUri() {
        String uri = get(STATE_URI);
        String s = uri.isBlank() ? "s3://flotilla-state/" + get(CLUSTER) : uri;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public static String markdownTable() {
        return Settings.markdownTable(ALL);
    }
}
