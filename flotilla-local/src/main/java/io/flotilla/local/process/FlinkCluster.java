package io.flotilla.local.process;

import io.flotilla.sidecar.flink.FlinkRest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.rest.handler.legacy.messages.ClusterOverviewWithVersion;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/** One standalone Flink session cluster: a JobManager JVM and a TaskManager JVM. */
public final class FlinkCluster implements AutoCloseable {

    /** The opens and exports Flink's own config ships as {@code env.java.default-opts.all}. */
    static final List<String> JAVA_OPENS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final ClusterSpec spec;
    private final Path confDir;
    private final URI restUrl;
    private final String stateUri;
    private final Path logs;
    private final Map<String, String> env;
    private final String reapFlag;
    private final FlinkRuntime runtime;
    private ChildProcess jobManager;
    private ChildProcess taskManager;

    private FlinkCluster(
            ClusterSpec spec, Path confDir, int restPort, Distribution dist, RunFolder run) {
        this.reapFlag = run.watchdogReapFlag();
        this.logs = run.logs();
        this.spec = spec;
        this.confDir = confDir;
        this.restUrl = URI.create("http://127.0.0.1:" + restPort);
        this.stateUri = "s3://" + S3Store.STATE_BUCKET + "/" + spec.name();
        this.runtime = dist.flink(spec.flinkVersion());
        this.env =
                Map.of(
                        "FLINK_PLUGINS_DIR",
                        runtime.plugins().toString(),
                        "FLINK_CONF_DIR",
                        confDir.toString(),
                        // No instance-metadata lookups for credentials or region: we are not on
                        // EC2.
                        "AWS_EC2_METADATA_DISABLED",
                        "true",
                        // s3a's SDK v1 prints a deprecation banner into every JVM's stdout.
                        "AWS_JAVA_V1_DISABLE_DEPRECATION_ANNOUNCEMENT",
                        "true");
    }

    /** The JobManager's {@code web.upload.dir}: its sidecar hashes the jars there again. */
    Path uploadDir() {
        return confDir.getParent().resolve("jars");
    }

    /** Writes the cluster's config and launches both JVMs; {@link #awaitReady} waits for slots. */
    public static FlinkCluster launch(
            ClusterSpec spec, Distribution dist, RunFolder run, S3Store s3) {
        Path confDir = run.resolve("clusters/" + spec.name() + "/conf");
        int restPort = Ports.pick(0, "the REST API of " + spec.name(), "clusters");
        int rpcPort = Ports.pick(0, "the RPC of " + spec.name(), "clusters");
        FlinkCluster cluster = new FlinkCluster(spec, confDir, restPort, dist, run);
        cluster.writeConfig(run, s3, rpcPort);
        cluster.startJobManager();
        cluster.startTaskManager();
        return cluster;
    }

    private void writeConfig(RunFolder run, S3Store s3, int rpcPort) {
        Path clusterDir = run.resolve("clusters/" + spec.name());
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("jobmanager.rpc.address", "127.0.0.1");
        conf.put("jobmanager.rpc.port", String.valueOf(rpcPort));
        conf.put("jobmanager.bind-host", "127.0.0.1");
        conf.put("jobmanager.memory.process.size", spec.jobManagerMemory());
        conf.put("taskmanager.bind-host", "127.0.0.1");
        conf.put("taskmanager.host", "127.0.0.1");
        conf.put("taskmanager.numberOfTaskSlots", String.valueOf(spec.slots()));
        conf.put("taskmanager.memory.process.size", spec.taskManagerMemory());
        conf.put("taskmanager.resource-id", spec.name() + "-taskmanager-1");
        conf.put("rest.address", "127.0.0.1");
        conf.put("rest.bind-address", "127.0.0.1");
        conf.put("rest.port", String.valueOf(restPort()));
        conf.put("blob.server.port", "0");
        // The TaskManager starts with its JobManager and often asks before it listens; the
        // default 10 s wait after a failed registration doubled some start-ups.
        conf.put("cluster.registration.error-delay", "500 ms");
        conf.put("cluster.registration.refused-registration-delay", "1 s");
        conf.put("parallelism.default", "1");
        // Flink's 10 s for its RPC system to start, and for each ask, are too short on a loaded
        // laptop or CI machine (a JobManager failed to start at a load average of 55): a slow start
        // is better than a platform that does not start.
        conf.put("pekko.startup-timeout", "60 s");
        conf.put("pekko.ask.timeout", "30 s");
        conf.put("web.upload.dir", uploadDir().toString());
        conf.put("io.tmp.dirs", clusterDir.resolve("tmp").toString());
        conf.put("state.backend.type", "hashmap");
        conf.put("execution.checkpointing.dir", stateUri + "/checkpoints");
        conf.put("execution.checkpointing.savepoint-dir", stateUri + "/savepoints");
        conf.put("execution.checkpointing.num-retained", "3");
        // Every job checkpoints unless it says otherwise, so that it has state to come back to.
        conf.put("execution.checkpointing.interval", spec.checkpointInterval().toMillis() + " ms");
        // Flink deletes a job's checkpoints when it is cancelled unless told to retain them; a job
        // cancelled outside Flotilla must keep its state. Flotilla's retention deletes them.
        conf.put(
                "execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        // A job that cannot reach its state must fail fast, not wait out the 10-minute default.
        conf.put("execution.checkpointing.timeout", "2 min");
        conf.put("restart-strategy.type", "exponential-delay");
        // Checkpoint statistics are what sidecars and the supervisor observe: keep them fresh.
        conf.put("rest.cache.checkpoint-statistics.timeout", "500 ms");
        // Also a job's detail view (cached for web.refresh-interval, 3 s by default).
        conf.put("web.refresh-interval", "500 ms");
        conf.putAll(S3Tuning.flinkOptions(s3.endpoint(), s3.accessKey(), s3.secretKey()));
        StringBuilder yaml = new StringBuilder("# Written by flotilla-local; edits are lost.\n");
        conf.forEach((k, v) -> yaml.append(k).append(": ").append(yamlString(v)).append('\n'));
        try {
            Files.createDirectories(confDir);
            Files.createDirectories(clusterDir.resolve("jars"));
            Files.createDirectories(clusterDir.resolve("tmp"));
            Path file = confDir.resolve("config.yaml");
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, yaml);
            try (var in = FlinkCluster.class.getResourceAsStream("/flink-log4j.properties")) {
                Files.copy(
                        in,
                        confDir.resolve("log4j.properties"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PlatformException("cannot write Flink config to " + confDir + ": " + e, e);
        }
    }

    private static String yamlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private void startJobManager() {
        Configuration conf = GlobalConfiguration.loadConfiguration(confDir.toString());
        JobManagerProcessSpec jm = JobManagerProcessUtils.processSpecFromConfig(conf);
        List<String> jvm =
                new ArrayList<>(split(JobManagerProcessUtils.generateJvmParametersStr(jm, conf)));
        jvm.addAll(commonJvmArgs("jobmanager"));
        List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString()));
        for (String dyn : split(JobManagerProcessUtils.generateDynamicConfigsStr(jm))) {
            args.add(dyn);
        }
        jobManager =
                ChildProcess.startJvm(
                        spec.name() + "-jobmanager",
                        jvm,
                        runtime.classpath(),
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        args,
                        env,
                        logs.resolve(spec.name() + "-jobmanager.out"));
    }

    /** Starts the TaskManager with the memory flags that Flink's start scripts would compute. */
    void startTaskManager() {
        Configuration conf = GlobalConfiguration.loadConfiguration(confDir.toString());
        TaskExecutorProcessSpec tm = TaskExecutorProcessUtils.processSpecFromConfig(conf);
        List<String> jvm = new ArrayList<>(split(ProcessMemoryUtils.generateJvmParametersStr(tm)));
        jvm.addAll(commonJvmArgs("taskmanager"));
        List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString()));
        args.addAll(split(TaskExecutorProcessUtils.generateDynamicConfigsStr(tm)));
        taskManager =
                ChildProcess.startJvm(
                        spec.name() + "-taskmanager",
                        jvm,
                        runtime.classpath(),
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        args,
                        env,
                        logs.resolve(spec.name() + "-taskmanager.out"));
    }

    private List<String> commonJvmArgs(String role) {
        List<String> args = new ArrayList<>(JAVA_OPENS);
        args.add("-XX:+UseSerialGC");
        if (spec.quickStart()) {
            args.add("-XX:TieredStopAtLevel=1");
        }
        args.add(reapFlag);
        args.add("-Dlog.file=" + logs.resolve(spec.name() + "-" + role + ".log"));
        args.add("-Dlog4j.configurationFile=file:" + confDir.resolve("log4j.properties"));
        args.add("-Dflotilla.cluster=" + spec.name());
        return args;
    }

    private static List<String> split(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Waits until the REST API shows the TaskManager's slots. */
    public void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try (FlinkRest rest = FlinkRest.connect(restUrl, Duration.ofSeconds(2))) {
            while (System.nanoTime() < deadline) {
                jobManager.checkAlive();
                taskManager.checkAlive();
                ClusterOverviewWithVersion overview = null;
                if (Ports.listening(restPort())) {
                    try {
                        overview = rest.overview();
                    } catch (RuntimeException notYet) {
                        // REST endpoint not ready yet
                    }
                }
                if (overview != null && !runtime.version().equals(overview.getVersion())) {
                    throw new PlatformException(
                            spec.name()
                                    + " runs Flink "
                                    + overview.getVersion()
                                    + ", not "
                                    + runtime.version()
                                    + ": its classpath mixes releases");
                }
                if (overview != null && overview.getNumSlotsTotal() >= spec.slots()) {
                    return;
                }
                S3Store.sleep(250);
            }
        }
        throw new PlatformException(
                spec.name()
                        + " did not show "
                        + spec.slots()
                        + " task slots within "
                        + limit.toSeconds()
                        + " s; see "
                        + logs.resolve(spec.name() + "-taskmanager.log"));
    }

    /**
     * Kills the TaskManager (SIGKILL) and starts a new one: its tasks fail and Flink restarts them.
     */
    public void crashTaskManager(Duration ready) {
        taskManager.kill();
        startTaskManager();
        awaitReady(ready);
    }

    /**
     * Kills the JobManager and the TaskManager (SIGKILL) and starts the cluster again on the same
     * ports. Without HA the new JobManager knows no job: they are lost, as in production.
     */
    public void crashAndRestart(Duration ready) {
        taskManager.kill();
        jobManager.kill();
        startJobManager();
        startTaskManager();
        awaitReady(ready);
    }

    public String name() {
        return spec.name();
    }

    public URI restUrl() {
        return restUrl;
    }

    /** The Flink release this cluster runs. */
    public String flinkVersion() {
        return runtime.version();
    }

    int restPort() {
        return restUrl.getPort();
    }

    /** {@code s3://flotilla-state/<cluster>}: checkpoints and savepoints live under it. */
    public String stateUri() {
        return stateUri;
    }

    public int slots() {
        return spec.slots();
    }

    public ChildProcess jobManager() {
        return jobManager;
    }

    public ChildProcess taskManager() {
        return taskManager;
    }

    @Override
    public void close() {
        if (taskManager != null) {
            taskManager.stop(Duration.ofSeconds(10));
        }
        if (jobManager != null) {
            jobManager.stop(Duration.ofSeconds(10));
        }
    }
}
