package io.flotilla.local;

import io.flotilla.local.process.ClusterSpec;
import io.flotilla.local.process.Database;
import io.flotilla.local.process.Distribution;
import io.flotilla.local.process.FlinkCluster;
import io.flotilla.local.process.KafkaBroker;
import io.flotilla.local.process.RunFolder;
import io.flotilla.local.process.S3Store;
import io.flotilla.local.process.SidecarProcess;
import io.flotilla.local.process.SidecarToken;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A running local platform: Flink session clusters, each with its sidecar in a JVM of its own, S3,
 * PostgreSQL and Kafka, all on loopback, all stopped by {@link #close()}. Start fails as a whole:
 * whatever was started is stopped again.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration CLUSTER_READY = Duration.ofSeconds(120);
    private static final Duration KAFKA_READY = Duration.ofSeconds(120);
    private static final Duration S3_READY = Duration.ofSeconds(180);

    private final RunFolder run;
    private final S3Store s3;
    private final Database database;
    private final KafkaBroker kafka;
    private final List<FlinkCluster> clusters;
    private final List<SidecarProcess> sidecars;
    private final String sidecarToken;
    private final Deque<AutoCloseable> toClose;
    private final double readySeconds;
    private final LocalSettings settings;
    private final Distribution dist;
    private final java.util.concurrent.atomic.AtomicInteger extraSidecars =
            new java.util.concurrent.atomic.AtomicInteger();

    private LocalPlatform(
            Distribution dist,
            RunFolder run,
            S3Store s3,
            Database database,
            KafkaBroker kafka,
            List<FlinkCluster> clusters,
            List<SidecarProcess> sidecars,
            String sidecarToken,
            Deque<AutoCloseable> toClose,
            double readySeconds,
            LocalSettings settings) {
        this.settings = settings;
        this.dist = dist;
        this.run = run;
        this.s3 = s3;
        this.database = database;
        this.kafka = kafka;
        this.clusters = clusters;
        this.sidecars = sidecars;
        this.sidecarToken = sidecarToken;
        this.toClose = toClose;
        this.readySeconds = readySeconds;
    }

    /** Starts everything the settings ask for and writes {@code platform.json}. */
    public static LocalPlatform start(LocalSettings settings, Progress progress) {
        Distribution dist = Distribution.locate();
        RunFolder run = RunFolder.acquire(Path.of(settings.get(LocalSettings.HOME)));
        Deque<AutoCloseable> started = new ArrayDeque<>();
        started.push(run);
        List<CompletableFuture<SidecarProcess>> starting = new ArrayList<>();
        try {
            progress.step("run folder " + run.root());
            String accessKey = settings.get(LocalSettings.S3_ACCESS_KEY);
            String secretKey = settings.get(LocalSettings.S3_SECRET_KEY);
            String endpoint = settings.get(LocalSettings.S3_ENDPOINT);
            S3Store s3 =
                    endpoint.isEmpty()
                            ? S3Store.startLocal(
                                    dist,
                                    run,
                                    settings.get(LocalSettings.S3_PORT),
                                    accessKey,
                                    secretKey)
                            : S3Store.external(URI.create(endpoint), accessKey, secretKey);
            started.push(s3);
            KafkaBroker kafka = null;
            if (settings.get(LocalSettings.KAFKA)) {
                kafka =
                        KafkaBroker.startLocal(
                                dist,
                                run,
                                settings.get(LocalSettings.KAFKA_PORT),
                                settings.get(LocalSettings.KAFKA_TOPICS),
                                settings.get(LocalSettings.KAFKA_PARTITIONS));
                started.push(kafka);
            }

            // Flink only needs S3 at the first checkpoint, so the clusters start while S3 and
            // PostgreSQL come up.
            List<FlinkCluster> clusters = new ArrayList<>();
            List<String> versions = settings.get(LocalSettings.FLINK_VERSIONS);
            versions.forEach(dist::flink); // an unknown version stops the start before any JVM
            for (int i = 1; i <= settings.get(LocalSettings.CLUSTERS); i++) {
                ClusterSpec spec =
                        new ClusterSpec(
                                "cluster-" + i,
                                settings.get(LocalSettings.SLOTS),
                                settings.get(LocalSettings.JOBMANAGER_MEMORY),
                                settings.get(LocalSettings.TASKMANAGER_MEMORY),
                                settings.get(LocalSettings.CHECKPOINT_INTERVAL),
                                i <= versions.size() ? versions.get(i - 1) : null,
                                settings.get(LocalSettings.FLINK_QUICK_START));
                FlinkCluster cluster = FlinkCluster.launch(spec, dist, run, s3);
                clusters.add(cluster);
                started.push(cluster);
            }
            progress.step("launched " + clusters.size() + " Flink clusters");

            CompletableFuture<Database> db =
                    CompletableFuture.supplyAsync(
                            () -> {
                                String jdbcUrl = settings.get(LocalSettings.JDBC_URL);
                                return jdbcUrl.isEmpty()
                                        ? Database.startEmbedded(
                                                run, settings.get(LocalSettings.POSTGRES_PORT))
                                        : Database.external(
                                                jdbcUrl,
                                                settings.get(LocalSettings.JDBC_USER),
                                                settings.get(LocalSettings.JDBC_PASSWORD));
                            });
            // s3proxy took over 60 s to start on a loaded 2-core machine.
            s3.awaitReady(S3_READY);
            progress.step("S3 ready at " + s3.endpoint() + " (buckets " + S3Store.BUCKETS + ")");
            String token = SidecarToken.create(run);
            // Each sidecar is its own JVM, as beside a production JobManager. They need S3 but
            // not Flink to start (health says DEGRADED until the cluster answers), so their
            // JVMs start while the clusters finish theirs.
            for (FlinkCluster cluster : clusters) {
                starting.add(
                        CompletableFuture.supplyAsync(
                                () ->
                                        SidecarProcess.start(
                                                cluster.name() + "-sidecar",
                                                cluster,
                                                cluster.stateUri(),
                                                s3,
                                                token,
                                                dist,
                                                run,
                                                List.of())));
            }
            Database database;
            try {
                database = db.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
            started.push(database);
            progress.step("PostgreSQL ready at " + database.jdbcUrl());
            if (kafka != null) {
                kafka.awaitReady(KAFKA_READY);
                progress.step(
                        "Kafka ready at " + kafka.bootstrap() + " (topics " + kafka.topics() + ")");
            }
            for (FlinkCluster cluster : clusters) {
                cluster.awaitReady(CLUSTER_READY);
                progress.step(
                        cluster.name()
                                + " ready at "
                                + cluster.restUrl()
                                + " (Flink "
                                + cluster.flinkVersion()
                                + ", "
                                + cluster.slots()
                                + " slots)");
            }
            List<SidecarProcess> sidecars = joinSidecars(starting, started, progress);
            LocalPlatform platform =
                    new LocalPlatform(
                            dist,
                            run,
                            s3,
                            database,
                            kafka,
                            clusters,
                            sidecars,
                            token,
                            started,
                            progress.elapsedSeconds(),
                            settings);
            PlatformDescriptor.write(platform);
            progress.step(
                    clusters.size()
                            + (kafka == null
                                    ? " clusters, S3 and PostgreSQL ready in "
                                    : " clusters, S3, PostgreSQL and Kafka ready in ")
                            + String.format("%.1f", platform.readySeconds)
                            + " s");
            return platform;
        } catch (RuntimeException e) {
            // Sidecars still starting are waited for, so that none outlives a failed start.
            for (CompletableFuture<SidecarProcess> f : starting) {
                try {
                    started.push(f.join());
                } catch (CompletionException alsoFailed) {
                    // its own start failed and killed it
                }
            }
            closeAll(started);
            throw e;
        }
    }

    /**
     * Waits for the sidecars' JVMs, each in {@code started} once up; the first failure is thrown
     * after all have been waited for. {@code starting} is emptied.
     */
    private static List<SidecarProcess> joinSidecars(
            List<CompletableFuture<SidecarProcess>> starting,
            Deque<AutoCloseable> started,
            Progress progress) {
        List<SidecarProcess> sidecars = new ArrayList<>();
        RuntimeException failed = null;
        for (CompletableFuture<SidecarProcess> f : starting) {
            try {
                SidecarProcess sidecar = f.join();
                sidecars.add(sidecar);
                started.push(sidecar);
                progress.step(
                        sidecar.cluster()
                                + " sidecar at "
                                + sidecar.uri()
                                + " (pid "
                                + sidecar.pid()
                                + ")");
            } catch (CompletionException e) {
                failed = e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        starting.clear();
        if (failed != null) {
            throw failed;
        }
        return sidecars;
    }

    /**
     * Starts one more sidecar JVM for a cluster of this platform, with the platform's token: as
     * after a sidecar restart, or with other settings ({@code extra} options, another state
     * prefix). The caller closes it; the platform stops it too if the caller does not.
     */
    public SidecarProcess extraSidecar(String cluster, String stateUri, List<String> extra) {
        FlinkCluster c = cluster(cluster);
        SidecarProcess sidecar =
                SidecarProcess.start(
                        c.name() + "-sidecar-extra-" + extraSidecars.incrementAndGet(),
                        c,
                        stateUri == null ? c.stateUri() : stateUri,
                        s3,
                        sidecarToken,
                        dist,
                        run,
                        extra);
        synchronized (toClose) {
            toClose.push(sidecar);
        }
        return sidecar;
    }

    /** Process-level access for the platform's parts in this package (the supervisor). */
    Distribution distribution() {
        return dist;
    }

    RunFolder runFolder() {
        return run;
    }

    /** Registers a process the platform must stop at {@link #close()} (before S3 and the rest). */
    void stopsWithPlatform(AutoCloseable process) {
        synchronized (toClose) {
            toClose.push(process);
        }
    }

    public Path home() {
        return run.root();
    }

    /** The clusters' default checkpoint interval. */
    public Duration checkpointInterval() {
        return settings.get(LocalSettings.CHECKPOINT_INTERVAL);
    }

    /** How long a cluster must be unreachable before it may be declared lost. */
    public Duration lostAfter() {
        return settings.get(LocalSettings.LOST_AFTER);
    }

    public S3Store s3() {
        return s3;
    }

    public Database database() {
        return database;
    }

    /** The Kafka broker, if the platform was started with one. */
    public java.util.Optional<KafkaBroker> kafka() {
        return java.util.Optional.ofNullable(kafka);
    }

    public List<FlinkCluster> clusters() {
        return List.copyOf(clusters);
    }

    public FlinkCluster cluster(String name) {
        return clusters.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster named " + name));
    }

    public List<SidecarProcess> sidecars() {
        return List.copyOf(sidecars);
    }

    /** The sidecar of the named cluster. */
    public SidecarProcess sidecar(String cluster) {
        return sidecars.stream()
                .filter(s -> s.cluster().equals(cluster))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster named " + cluster));
    }

    /**
     * The bearer token of this platform's sidecars (also in {@code conf/secrets/sidecar.token}).
     */
    public String sidecarToken() {
        return sidecarToken;
    }

    public double readySeconds() {
        return readySeconds;
    }

    /** Process ids of every JVM and server this platform started. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        if (s3.process() != null) {
            pids.add(s3.process().pid());
        }
        if (kafka != null) {
            pids.add(kafka.process().pid());
        }
        for (FlinkCluster c : clusters) {
            pids.add(c.jobManager().pid());
            pids.add(c.taskManager().pid());
        }
        for (SidecarProcess s : sidecars) {
            pids.add(s.pid());
        }
        return pids;
    }

    @Override
    public void close() {
        PlatformDescriptor.delete(run.root());
        synchronized (toClose) {
            closeAll(toClose);
        }
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        // Reverse start order: clusters before S3, the run folder lock last.
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("flotilla: error while stopping: " + e.getMessage());
            }
        }
    }
}
