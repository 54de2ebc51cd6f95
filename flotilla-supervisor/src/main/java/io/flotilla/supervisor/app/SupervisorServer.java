package io.flotilla.supervisor.app;

import io.flotilla.http.HttpOptions;
import io.flotilla.http.TokenAuth;
import io.flotilla.sidecar.client.SidecarClient;
import io.flotilla.supervisor.BackfillRuns;
import io.flotilla.supervisor.Backoff;
import io.flotilla.supervisor.ClusterHealth;
import io.flotilla.supervisor.ClusterSlots;
import io.flotilla.supervisor.DefaultObserver;
import io.flotilla.supervisor.DefaultReconciler;
import io.flotilla.supervisor.DeletedStateCleanup;
import io.flotilla.supervisor.LeaderLoop;
import io.flotilla.supervisor.PeriodicSavepoints;
import io.flotilla.supervisor.StateControl;
import io.flotilla.supervisor.Supervisor;
import io.flotilla.supervisor.SupervisorConfig;
import io.flotilla.supervisor.http.ClusterAccess;
import io.flotilla.supervisor.http.SupervisorApi;
import io.flotilla.supervisor.jdbc.ConnectionPool;
import io.flotilla.supervisor.jdbc.JdbcBackfills;
import io.flotilla.supervisor.jdbc.JdbcControlStore;
import io.flotilla.supervisor.jdbc.JdbcDeploymentStore;
import io.flotilla.supervisor.jdbc.JdbcLeaderLease;
import io.flotilla.supervisor.jdbc.Migrations;
import io.flotilla.supervisor.jdbc.SessionLock;
import io.flotilla.supervisor.lease.Failover;
import io.flotilla.supervisor.model.Cluster;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.Event;
import io.flotilla.supervisor.model.Phase;
import io.flotilla.supervisor.port.Clock;
import io.flotilla.supervisor.port.ClusterPorts;
import io.flotilla.supervisor.sidecar.SidecarClusterLogs;
import io.flotilla.supervisor.sidecar.SidecarClusterPorts;
import io.flotilla.ui.Sessions;
import io.flotilla.ui.WebUi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running supervisor: the schema brought up to date, the leader loop ticking on a timer (only the
 * lease holder acts), state control, and the REST API. Several may run on one database.
 */
public final class SupervisorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorServer.class);

    private final SupervisorSettings settings;
    private final PrometheusMeterRegistry metrics =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final com.zaxxer.hikari.HikariDataSource pool;
    private final JdbcControlStore control;
    private final JdbcLeaderLease lease;
    private final LeaderLoop loop;
    private final StateControl state;
    private final DeletedStateCleanup deletedCleanup;
    private final PeriodicSavepoints periodicSavepoints;
    private final BackfillRuns backfillRuns;
    private final ClusterHealth clusterHealth;
    private final SupervisorApi api;
    private final ScheduledExecutorService timer;
    private final Map<String, SidecarClient> sidecars =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Cluster> registered = new HashMap<>();
    private final Map<Phase, AtomicLong> phases = new EnumMap<>(Phase.class);
    private final AtomicReference<Instant> lastTick = new AtomicReference<>();
    private final AtomicReference<Supervisor.TickReport> lastReport = new AtomicReference<>();
    private volatile String lastError;

    /** Released when there may be work before the next tick: a deployment's spec changed. */
    private final java.util.concurrent.Semaphore signal = new java.util.concurrent.Semaphore(0);

    private SupervisorServer(SupervisorSettings settings) {
        this.settings = settings;
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(settings.get(SupervisorSettings.JDBC_URL));
        db.setUser(settings.get(SupervisorSettings.JDBC_USER));
        if (!settings.get(SupervisorSettings.JDBC_PASSWORD).isBlank()) {
            db.setPassword(settings.get(SupervisorSettings.JDBC_PASSWORD));
        }
        Migrations.apply(db);
        // The parallel actions, the loop's own reads and batches, and the API's requests.
        this.pool =
                ConnectionPool.of(
                        db,
                        settings.get(SupervisorSettings.PARALLEL_ACTIONS) + 8,
                        "flotilla-supervisor");
        TokenAuth auth =
                new TokenAuth(
                        TokensFile.read(Path.of(settings.get(SupervisorSettings.TOKENS_FILE))));
        this.control = new JdbcControlStore(pool);
        AuditedStore store = new AuditedStore(new JdbcDeploymentStore(pool, true), metrics);
        SidecarClusterPorts ports = new SidecarClusterPorts(sidecars::get);
        SupervisorConfig config =
                new SupervisorConfig(
                        new Backoff(
                                Duration.ofSeconds(1),
                                settings.get(SupervisorSettings.JOB_BACKOFF_MAX)),
                        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)),
                        settings.get(SupervisorSettings.RELEASE_TIMEOUT),
                        Duration.ofSeconds(30),
                        settings.get(SupervisorSettings.CRASH_LOOP_FAILURES),
                        settings.get(SupervisorSettings.CRASH_LOOP_WINDOW),
                        settings.get(SupervisorSettings.CHECKPOINT_INTERVAL),
                        settings.get(SupervisorSettings.MISSED_CHECKPOINTS));
        ClusterSlots slots = new ClusterSlots(control::clusters);
        JdbcBackfills backfills = new JdbcBackfills(pool, true);
        String holder =
                settings.get(SupervisorSettings.HOLDER).isBlank()
                        ? ManagementFactory.getRuntimeMXBean().getName()
                        : settings.get(SupervisorSettings.HOLDER);
        // The lock's connection comes from the database, not the pool: the pool's are shared and
        // recycled, and the lock must live exactly as long as this process's session.
        this.lease =
                new JdbcLeaderLease(
                        pool,
                        settings.get(SupervisorSettings.LEASE_LOCK)
                                ? new SessionLock(db)
                                : SessionLock.none());
        this.loop =
                new LeaderLoop(
                        holder,
                        lease,
                        settings.get(SupervisorSettings.LEASE_TTL),
                        token ->
                                new Supervisor(
                                        store,
                                        ClusterPorts.of(ports),
                                        Clock.system(),
                                        new DefaultObserver(slots, backfills),
                                        new DefaultReconciler(config),
                                        config,
                                        settings.actionLimits(),
                                        token));
        control.onDeploymentChange(
                name -> {
                    loop.wake(name);
                    signal.release();
                });
        this.periodicSavepoints = new PeriodicSavepoints(store, ports, Clock.system());
        this.backfillRuns =
                new BackfillRuns(backfills, store, ClusterPorts.of(ports), slots, Clock.system());
        this.state =
                new StateControl(
                        store,
                        ports,
                        Clock.system(),
                        new StateControl.Retention(
                                settings.get(SupervisorSettings.KEEP_SAVEPOINTS),
                                settings.get(SupervisorSettings.MAX_AGE),
                                settings.get(SupervisorSettings.CLEANUP_EVERY)));
        this.clusterHealth =
                new ClusterHealth(
                        control,
                        ports,
                        ports,
                        Clock.system(),
                        settings.get(SupervisorSettings.CLUSTER_CHECK_EVERY),
                        ports,
                        slots);
        this.deletedCleanup =
                new DeletedStateCleanup(
                        control,
                        ports,
                        Clock.system(),
                        settings.get(SupervisorSettings.DELETED_GRACE),
                        settings.get(SupervisorSettings.DELETED_CLEANUP_PER_TICK));
        for (Phase p : Phase.values()) {
            AtomicLong n = new AtomicLong();
            phases.put(p, n);
            Gauge.builder("flotilla.supervisor.deployments", n, AtomicLong::get)
                    .description("Deployments by phase, as of the last tick")
                    .tag("phase", p.name())
                    .register(metrics);
        }
        Gauge.builder("flotilla.supervisor.leader", loop, l -> l.leading() ? 1 : 0)
                .description("1 while this supervisor holds the leader lease")
                .register(metrics);
        this.api =
                new SupervisorApi(
                        new InetSocketAddress(
                                settings.get(SupervisorSettings.BIND),
                                settings.get(SupervisorSettings.PORT)),
                        auth,
                        control,
                        Clock.system(),
                        metrics,
                        this::health,
                        state::requestRun,
                        settings.clusterPolicy(),
                        settings.specRules(),
                        new ClusterAccess(new SidecarClusterLogs(sidecars::get), ports, ports),
                        HttpOptions.from(settings::get),
                        settings.get(SupervisorSettings.LOST_AFTER),
                        backfills);
        if (settings.get(SupervisorSettings.UI)) {
            api.mount(
                    new WebUi(
                            auth::authenticate,
                            new Sessions(
                                    java.time.Clock.systemUTC(),
                                    settings.get(SupervisorSettings.UI_SESSION_IDLE),
                                    Duration.ofHours(12)),
                            api::uri,
                            (who, kind, message) ->
                                    control.appendAudit(
                                            new Event("", Instant.now(), kind, message, 0, who))));
        }
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "supervisor-tick");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts the API and the loop; fails with a clear message on a bad setting or a taken port. */
    public static SupervisorServer start(SupervisorSettings settings) {
        SupervisorServer s = new SupervisorServer(settings);
        s.api.start();
        s.timer.execute(s::run);
        LOG.info(
                "supervisor {} listening on {} (ticks every {}, lease {})",
                s.loop.holder(),
                s.uri(),
                settings.get(SupervisorSettings.TICK_INTERVAL),
                settings.get(SupervisorSettings.LEASE_TTL));
        return s;
    }

    public URI uri() {
        return api.uri();
    }

    /**
     * The loop's thread: a step every tick interval (from the end of the last), and between steps a
     * follow-up whenever one is due or a spec changed. Tick and follow-ups share this one thread,
     * so they never act at the same time.
     */
    private void run() {
        long every = settings.get(SupervisorSettings.TICK_INTERVAL).toNanos();
        long nextStep = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            if (System.nanoTime() - nextStep >= 0) {
                step();
                nextStep = System.nanoTime() + every;
                continue;
            }
            long waitNanos = nextStep - System.nanoTime();
            var due = loop.nextFollowUp();
            if (due.isPresent()) {
                long untilDue = Duration.between(Instant.now(), due.get()).toNanos();
                if (untilDue <= 0) {
                    followUp();
                    continue;
                }
                waitNanos = Math.min(waitNanos, untilDue);
            }
            try {
                if (signal.tryAcquire(Math.max(waitNanos, 0), TimeUnit.NANOSECONDS)) {
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void followUpIfDue() {
        var due = loop.nextFollowUp();
        if (due.isPresent() && !due.get().isAfter(Instant.now())) {
            followUp();
        }
    }

    private void followUp() {
        Timer.Sample sample = Timer.start(metrics);
        try {
            loop.followUp()
                    .filter(r -> r.deployments() > 0)
                    .ifPresent(
                            r ->
                                    sample.stop(
                                            Timer.builder("flotilla.supervisor.follow-up.duration")
                                                    .description(
                                                            "Time of one follow-up: the deployments between an action and its outcome observed, reconciled and acted on")
                                                    .register(metrics)));
        } catch (RuntimeException e) {
            // The next step (or follow-up) tries again; the tick is the safety net.
            LOG.warn("follow-up failed: {}", e.toString());
        }
    }

    /** One step: refresh the sidecar clients, lead and tick or stand by, clean state if leading. */
    void step() {
        Timer.Sample sample = Timer.start(metrics);
        try {
            refreshSidecars();
            boolean wasLeading = loop.leading();
            Failover wasFailover = loop.failover();
            var report = loop.step();
            if (loop.leading() != wasLeading || loop.failover() != wasFailover) {
                LOG.info(
                        "{} {} (fencing token {}, a standby takes over on {})",
                        loop.holder(),
                        loop.leading() ? "leads" : "stands by",
                        loop.token(),
                        loop.failover() == Failover.SESSION_END
                                ? "this process's end"
                                : "the lease's expiry");
            }
            if (report.isPresent()) {
                lastReport.set(report.get());
                // Between the parts of the housekeeping, so that a release's next step does not
                // wait for all of it.
                followUpIfDue();
                clusterHealth.run(loop.token());
                followUpIfDue();
                state.run(loop.token());
                followUpIfDue();
                deletedCleanup.run(loop.token());
                followUpIfDue();
                List<Deployment> all = control.deployments();
                periodicSavepoints.run(all, loop.token());
                followUpIfDue();
                backfillRuns.run(loop.token());
                Map<Phase, Long> counts = new EnumMap<>(Phase.class);
                all.forEach(d -> counts.merge(d.status().phase(), 1L, Long::sum));
                phases.forEach((p, n) -> n.set(counts.getOrDefault(p, 0L)));
                Counter.builder("flotilla.supervisor.ticks")
                        .description("Ticks this supervisor ran as leader")
                        .register(metrics)
                        .increment();
                sample.stop(
                        Timer.builder("flotilla.supervisor.tick.duration")
                                .description("Time of one tick: observe, reconcile, act")
                                .register(metrics));
            }
            lastTick.set(Instant.now());
            lastError = null;
        } catch (RuntimeException e) {
            // The store or a lease call failed: stand by this step, try again at the next.
            lastError = e.getMessage();
            LOG.warn("tick failed: {}", e.toString());
        }
    }

    private void refreshSidecars() {
        for (Cluster c : control.clusters()) {
            Cluster known = registered.get(c.name());
            if (!c.equals(known)) {
                try {
                    // clusters stored before the rules were tightened get no token either
                    settings.clusterPolicy().sidecarUrl("sidecarUrl", c.sidecarUrl());
                    settings.clusterPolicy().tokenRef("tokenRef", c.tokenRef());
                    sidecars.put(
                            c.name(),
                            new SidecarClient(
                                    URI.create(c.sidecarUrl()), TokensFile.resolve(c.tokenRef())));
                    registered.put(c.name(), c);
                } catch (RuntimeException e) {
                    LOG.warn("cluster {}: {}", c.name(), e.getMessage());
                }
            }
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", lastError == null ? "UP" : "DEGRADED");
        out.put("holder", loop.holder());
        out.put("leader", loop.leading());
        out.put("fencingToken", loop.leading() ? loop.token() : null);
        out.put("failover", loop.leading() ? loop.failover() : null);
        out.put("lastStep", lastTick.get());
        out.put("lastTick", lastReport.get());
        out.put("deletedStateCleanup", deletedCleanup.status());
        if (lastError != null) {
            out.put("error", lastError);
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // No step runs any more: hand the lease over now rather than at its expiry.
            loop.stepDown();
        } catch (RuntimeException e) {
            LOG.warn("lease not released, it expires: {}", e.toString());
        }
        lease.close();
        api.close();
        pool.close();
    }
}
