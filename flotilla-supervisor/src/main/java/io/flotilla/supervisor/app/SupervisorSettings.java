package io.flotilla.supervisor.app;

import io.flotilla.common.Setting;
import io.flotilla.common.Settings;
import io.flotilla.supervisor.ClusterLoss;
import io.flotilla.supervisor.SupervisorConfig;
import io.flotilla.supervisor.http.ClusterRegistrationPolicy;
import io.flotilla.supervisor.http.SpecRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every setting of a supervisor; {@code --name value} or {@code FLOTILLA_SUPERVISOR_NAME}. */
public final class SupervisorSettings {

    public static final Setting<String> JDBC_URL =
            Setting.string(
                    "jdbc-url",
                    "",
                    "The supervisor's PostgreSQL, e.g. jdbc:postgresql://db:5432/flotilla (required).");
    public static final Setting<String> JDBC_USER =
            Setting.string("jdbc-user", "postgres", "User for --jdbc-url.");
    public static final Setting<String> JDBC_PASSWORD =
            Setting.string(
                    "jdbc-password",
                    "",
                    "Password for --jdbc-url; never logged. Prefer FLOTILLA_SUPERVISOR_JDBC_PASSWORD.");
    public static final Setting<String> BIND =
            Setting.string("bind", "127.0.0.1", "Address the supervisor's API listens on.");
    public static final Setting<Integer> PORT =
            Setting.integer(
                    "port", 0, 0, 65535, "Port of the supervisor's API; 0 picks a free one.");
    public static final Setting<String> TOKENS_FILE =
            Setting.string(
                    "tokens-file",
                    "",
                    "File of API tokens, one 'name role token' per line (role viewer, operator or admin; # comments) (required).");
    public static final Setting<String> HOLDER =
            Setting.string(
                    "holder",
                    "",
                    "This supervisor's name in the leader lease (a random id per process is added, so two processes never share it); default host name and process id.");
    public static final Setting<Duration> TICK_INTERVAL =
            Setting.duration(
                    "tick-interval",
                    Duration.ofSeconds(1),
                    "Time between two ticks (observe every cluster, reconcile every deployment).");
    public static final Setting<Integer> PARALLEL_ACTIONS =
            Setting.integer(
                    "parallel-actions",
                    io.flotilla.supervisor.ActionLimits.ACTIONS,
                    1,
                    1024,
                    "Deployments acted on at the same time (submit, stop, cancel), over all clusters; never two actions at once on one deployment.");
    public static final Setting<Integer> PARALLEL_ACTIONS_PER_CLUSTER =
            Setting.integer(
                    "parallel-actions-per-cluster",
                    io.flotilla.supervisor.ActionLimits.ACTIONS_PER_CLUSTER,
                    1,
                    1024,
                    "Deployments acted on at the same time on one cluster.");
    public static final Setting<Duration> FOLLOW_UP_EVERY =
            Setting.duration(
                    "follow-up-every",
                    io.flotilla.supervisor.ActionLimits.FOLLOW_UP_EVERY,
                    "After an action, how often its deployment's cluster is listed again until the outcome shows (savepoint done, job RUNNING), instead of waiting for the next tick.");
    public static final Setting<Duration> FOLLOW_UP_FOR =
            Setting.duration(
                    "follow-up-for",
                    io.flotilla.supervisor.ActionLimits.FOLLOW_UP_FOR,
                    "How long a deployment is followed up without any change before it is left to the ticks.");
    public static final Setting<Duration> LEASE_TTL =
            Setting.duration(
                    "lease-ttl",
                    Duration.ofSeconds(10),
                    "How long the leader lease lasts unrenewed: the failover time when the leader stalls but keeps its database session, or without --lease-lock. Several tick intervals.");
    public static final Setting<Boolean> LEASE_LOCK =
            Setting.bool(
                    "lease-lock",
                    true,
                    "The leader also holds a PostgreSQL session-level advisory lock on a connection of its own, so that a standby takes over at its next tick once a killed leader's connection closes, not when the lease expires. Needs a direct connection or session pooling: false behind a pooler in transaction mode (PgBouncer's pool_mode=transaction).");
    public static final Setting<Duration> RELEASE_TIMEOUT =
            Setting.duration(
                    "release-timeout",
                    Duration.ofMinutes(10),
                    "How long a released version has to be RUNNING with a checkpoint before it is rolled back.");
    public static final Setting<Duration> JOB_BACKOFF_MAX =
            Setting.duration(
                    "job-backoff-max",
                    Duration.ofMinutes(5),
                    "Longest wait between resubmissions of a failing job (starts at 1s, doubles).");
    public static final Setting<Integer> KEEP_SAVEPOINTS =
            Setting.integer(
                    "keep-savepoints",
                    3,
                    0,
                    10_000,
                    "Default retention: newest savepoints kept per job (a deployment may ask for more).");
    public static final Setting<Duration> MAX_AGE =
            Setting.duration(
                    "max-age",
                    Duration.ofDays(7),
                    "Default retention: state younger than this is kept (a deployment may ask for longer).");
    public static final Setting<Duration> CLEANUP_EVERY =
            Setting.duration(
                    "cleanup-every",
                    Duration.ofMinutes(10),
                    "How often each cluster's state is cleaned by retention.");
    public static final Setting<Duration> DELETED_GRACE =
            Setting.duration(
                    "deleted-grace",
                    Duration.ofDays(7),
                    "How long the state of a deleted deployment is kept before it is deleted.");
    public static final Setting<Integer> CRASH_LOOP_FAILURES =
            Setting.integer(
                    "crash-loop-failures",
                    SupervisorConfig.CRASH_LOOP_FAILURES,
                    1,
                    1_000,
                    "This many failures of a deployment's job within --crash-loop-window stop the retries: the deployment goes to NEEDS_ATTENTION.");
    public static final Setting<Duration> CRASH_LOOP_WINDOW =
            Setting.duration(
                    "crash-loop-window",
                    SupervisorConfig.CRASH_LOOP_WINDOW,
                    "The window of --crash-loop-failures.");
    public static final Setting<Duration> CHECKPOINT_INTERVAL =
            Setting.duration(
                    "checkpoint-interval",
                    SupervisorConfig.CHECKPOINT_INTERVAL,
                    "The clusters' default checkpoint interval (execution.checkpointing.interval), for deployments whose spec sets none.");
    public static final Setting<Integer> MISSED_CHECKPOINTS =
            Setting.integer(
                    "missed-checkpoints",
                    SupervisorConfig.MISSED_CHECKPOINTS,
                    1,
                    1_000,
                    "A RUNNING deployment without a completed checkpoint for this many intervals is shown unhealthy.");
    public static final Setting<Duration> LOST_AFTER =
            Setting.duration(
                    "lost-after",
                    ClusterLoss.LOST_AFTER,
                    "How long a cluster must have been unreachable before an admin may declare it lost (earlier: 409).");
    public static final Setting<Duration> CLUSTER_CHECK_EVERY =
            Setting.duration(
                    "cluster-check-every",
                    Duration.ofSeconds(5),
                    "How often every registered cluster is asked whether it answers (and a lost one that answers again has its abandoned jobs cancelled).");

    public static final Setting<String> SECRETS_DIR =
            Setting.string(
                    "secrets-dir",
                    "",
                    "Folder of the sidecars' token files: a cluster's tokenRef file:PATH must name a file in it; empty refuses file: references.");
    public static final Setting<String> SECRETS_ENV_PREFIX =
            Setting.string(
                    "secrets-env-prefix",
                    "FLOTILLA_CLUSTER_TOKEN_",
                    "Prefix every environment variable a cluster's tokenRef env:NAME names must have; empty refuses env: references.");
    public static final Setting<Boolean> SIDECAR_ALLOW_HTTP =
            Setting.bool(
                    "sidecar-allow-http",
                    false,
                    "Accept plain http:// sidecar URLs (tokens travel unencrypted): only for sidecars on loopback, as the local platform's.");
    public static final Setting<List<String>> ARTIFACT_S3_PREFIXES =
            Setting.list(
                    "artifact-s3-prefixes",
                    List.of("s3://flotilla-artifacts/"),
                    "Trusted S3 locations of job jars, as the sidecars' --artifact-s3-prefixes: specs with other artifacts are refused.");
    public static final Setting<List<String>> ARTIFACT_HTTPS_HOSTS =
            Setting.list(
                    "artifact-https-hosts",
                    List.of(),
                    "Trusted https hosts of job jars, as the sidecars' --artifact-https-hosts.");
    public static final Setting<Integer> DELETED_CLEANUP_PER_TICK =
            Setting.integer(
                    "deleted-cleanup-per-tick",
                    5,
                    1,
                    10_000,
                    "Most deleted deployments whose state is purged in one tick; the rest wait for the next ticks.");
    public static final Setting<Boolean> UI =
            Setting.bool(
                    "ui",
                    true,
                    "Serve the web UI under / on the API's port (log in with an API token).");
    public static final Setting<Duration> UI_SESSION_IDLE =
            Setting.duration(
                    "ui-session-idle",
                    Duration.ofMinutes(30),
                    "A web UI session ends after this long without a request (and 12 h after login at the latest).");

    /** This service's own settings, then the HTTP layer's (TLS, timeouts, limits). */
    public static final List<Setting<?>> ALL =
            java.util.stream.Stream.<Setting<?>>concat(
                            java.util.stream.Stream.of(
                                    JDBC_URL,
                                    JDBC_USER,
                                    JDBC_PASSWORD,
                                    BIND,
                                    PORT,
                                    TOKENS_FILE,
                                    HOLDER,
                                    TICK_INTERVAL,
                                    PARALLEL_ACTIONS,
                                    PARALLEL_ACTIONS_PER_CLUSTER,
                                    FOLLOW_UP_EVERY,
                                    FOLLOW_UP_FOR,
                                    LEASE_TTL,
                                    LEASE_LOCK,
                                    RELEASE_TIMEOUT,
                                    JOB_BACKOFF_MAX,
                                    KEEP_SAVEPOINTS,
                                    MAX_AGE,
                                    CLEANUP_EVERY,
                                    DELETED_GRACE,
                                    SECRETS_DIR,
                                    SECRETS_ENV_PREFIX,
                                    SIDECAR_ALLOW_HTTP,
                                    ARTIFACT_S3_PREFIXES,
                                    ARTIFACT_HTTPS_HOSTS,
                                    DELETED_CLEANUP_PER_TICK,
                                    UI,
                                    UI_SESSION_IDLE,
                                    CRASH_LOOP_FAILURES,
                                    CRASH_LOOP_WINDOW,
                                    CHECKPOINT_INTERVAL,
                                    MISSED_CHECKPOINTS,
                                    LOST_AFTER,
                                    CLUSTER_CHECK_EVERY),
                            io.flotilla.http.HttpSettings.ALL.stream())
                    .toList();

    private final Settings values;

    private SupervisorSettings(Settings values) {
        this.values = values;
    }

    /** Parses and checks the settings; the required ones must be present. */
    public static SupervisorSettings parse(List<String> args, Map<String, String> env) {
        SupervisorSettings s =
                new SupervisorSettings(Settings.parse(ALL, "FLOTILLA_SUPERVISOR", args, env));
        for (Setting<String> required : List.of(JDBC_URL, TOKENS_FILE)) {
            if (s.get(required).isBlank()) {
                throw new IllegalArgumentException(
                        "--" + required.name() + " is required: " + required.description());
            }
        }
        if (s.get(LEASE_TTL).compareTo(s.get(TICK_INTERVAL).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "--lease-ttl must be at least twice --tick-interval, or the leader loses its lease between ticks: got "
                            + s.get(LEASE_TTL)
                            + " and "
                            + s.get(TICK_INTERVAL));
        }
        return s;
    }

    /** How much the loop does at once and how soon it looks again, from these settings. */
    public io.flotilla.supervisor.ActionLimits actionLimits() {
        return new io.flotilla.supervisor.ActionLimits(
                get(PARALLEL_ACTIONS),
                get(PARALLEL_ACTIONS_PER_CLUSTER),
                get(FOLLOW_UP_EVERY),
                get(FOLLOW_UP_FOR));
    }

    /** The rules a cluster registration must follow, from these settings. */
    public ClusterRegistrationPolicy clusterPolicy() {
        String dir = get(SECRETS_DIR);
        return new ClusterRegistrationPolicy(
                dir.isBlank() ? null : Path.of(dir),
                get(SECRETS_ENV_PREFIX),
                get(SIDECAR_ALLOW_HTTP));
    }

    /** The rules a spec must follow (what the sidecars accept), from these settings. */
    public SpecRules specRules() {
        return new SpecRules(get(ARTIFACT_S3_PREFIXES), get(ARTIFACT_HTTPS_HOSTS));
    }

    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    public static String markdownTable() {
        return Settings.markdownTable(ALL);
    }
}
