package io.flotilla.cli.config;

import io.flotilla.common.Setting;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of the CLI; its global flags, {@code FLOTILLA_*} environment variables and the
 * table in docs/cli.md all come from these declarations.
 */
public final class CliSettings {

    /** The environment prefix: {@code --token-file} is also {@code FLOTILLA_TOKEN_FILE}. */
    public static final String ENV_PREFIX = "FLOTILLA";

    /** The token itself, only ever from the environment: a flag would show it in {@code ps}. */
    public static final String TOKEN_ENV = "FLOTILLA_TOKEN";

    public static final Setting<String> URL =
            Setting.string(
                    "url",
                    "",
                    "Supervisor URL, e.g. https://flotilla.example.com. Also FLOTILLA_URL; else the"
                            + " config file written by 'flotilla login'; else the local platform"
                            + " running in --home.");
    public static final Setting<String> TOKEN_FILE =
            Setting.string(
                    "token-file",
                    "",
                    "File holding the supervisor's bearer token (keep it owner-only). Also"
                            + " FLOTILLA_TOKEN_FILE; FLOTILLA_TOKEN may hold the token itself.");
    public static final Setting<String> HOME =
            Setting.string(
                    "home",
                    ".flotilla",
                    "Run folder of the local platform, used when no supervisor URL is given (its"
                            + " platform.json names the supervisor and its token file). Also"
                            + " FLOTILLA_HOME.");
    public static final Setting<String> CONFIG =
            Setting.string(
                    "config",
                    "",
                    "Config file of 'flotilla login'; default $XDG_CONFIG_HOME/flotilla/config or"
                            + " ~/.config/flotilla/config. Also FLOTILLA_CONFIG.");
    public static final Setting<String> OUTPUT =
            Setting.string(
                    "output",
                    "text",
                    "text (tables and progress lines) or json (one JSON document on stdout;"
                            + " progress goes to stderr). Also FLOTILLA_OUTPUT.");
    public static final Setting<Duration> WAIT_TIMEOUT =
            Setting.duration(
                    "wait-timeout",
                    Duration.ofMinutes(10),
                    "How long deploy, release, start, stop and restart follow the operation"
                            + " before giving up (exit 1; the operation goes on).");
    public static final Setting<String> S3_ENDPOINT =
            Setting.string(
                    "s3-endpoint",
                    "",
                    "S3 endpoint of the artifact store that deploy and release publish to;"
                            + " default: the local platform's. Also FLOTILLA_S3_ENDPOINT.");
    public static final Setting<String> S3_ACCESS_KEY =
            Setting.string(
                    "s3-access-key",
                    "flotilla",
                    "S3 access key for publishing artifacts. Also FLOTILLA_S3_ACCESS_KEY.");
    public static final Setting<String> S3_SECRET_KEY =
            Setting.string(
                    "s3-secret-key",
                    "flotilla-local-secret",
                    "S3 secret key for publishing artifacts; never printed. Prefer"
                            + " FLOTILLA_S3_SECRET_KEY.");
    public static final Setting<String> ARTIFACTS_BUCKET =
            Setting.string(
                    "artifacts-bucket",
                    "flotilla-artifacts",
                    "Bucket of the artifact store, the one the sidecars trust.");

    public static final List<Setting<?>> ALL =
            List.of(
                    URL,
                    TOKEN_FILE,
                    HOME,
                    CONFIG,
                    OUTPUT,
                    WAIT_TIMEOUT,
                    S3_ENDPOINT,
                    S3_ACCESS_KEY,
                    S3_SECRET_KEY,
                    ARTIFACTS_BUCKET);

    private CliSettings() {}
}
