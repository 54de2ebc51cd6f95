package io.flotilla.bench;

import io.flotilla.local.LocalPlatform;
import io.flotilla.local.LocalSettings;
import io.flotilla.local.LocalSupervisor;
import io.flotilla.local.Progress;
import io.flotilla.local.process.SidecarProcess;
import io.flotilla.local.process.SupervisorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supervisor failover on the local platform: two supervisor JVMs share the lease; the leader is
 * killed with SIGKILL and the time until the standby's first step as leader is measured, then a new
 * standby is started; also the resident memory of each process. Run by {@code bench/failover.sh};
 * not a test.
 */
public final class FailoverBench {

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<String> supervisorArgs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            supervisorArgs.add(args[i]);
        }
        Path home = repo.resolve("bench/target/failover-home");
        deleteTree(home);
        LocalSettings settings =
                LocalSettings.parse(
                        List.of(
                                "--home",
                                home.toString(),
                                "--clusters",
                                "1",
                                "--slots",
                                "2",
                                "--kafka",
                                "false"),
                        Map.of());
        try (LocalPlatform platform = LocalPlatform.start(settings, new Progress(System.out));
                LocalSupervisor supervisors = LocalSupervisor.start(platform, supervisorArgs, 2)) {
            printMemory(platform, supervisors);
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                SupervisorProcess leader = awaitLeader(supervisors, Optional.empty());
                // Let the leader renew its lease a few times, as in steady state.
                Thread.sleep(3_000);
                long killed = System.nanoTime();
                leader.kill();
                SupervisorProcess standby = awaitLeader(supervisors, Optional.of(leader));
                double s = (System.nanoTime() - killed) / 1e9;
                seconds.add(s);
                System.out.printf(
                        "run %2d: %s killed, %s leads after %.2f s%n",
                        run, leader.name(), standby.name(), s);
                supervisors.startAnother();
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            System.out.printf(
                    "failover over %d runs: p50 %.2f s, p95 %.2f s, min %.2f s, max %.2f s%n",
                    runs,
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    sorted.get(0),
                    sorted.get(sorted.size() - 1));
        }
    }

    /** Polls every 20 ms for a live supervisor other than {@code not} that leads. */
    private static SupervisorProcess awaitLeader(
            LocalSupervisor supervisors, Optional<SupervisorProcess> not) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (SupervisorProcess p : supervisors.alive()) {
                if (not.map(n -> n != p).orElse(true) && p.leading()) {
                    return p;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no supervisor took the lease within 120 s");
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void printMemory(LocalPlatform platform, LocalSupervisor supervisors) {
        System.out.println("resident memory (VmRSS):");
        row("launcher", ProcessHandle.current().pid());
        platform.clusters()
                .forEach(
                        c -> {
                            row(c.name() + " JobManager", c.jobManager().pid());
                            row(c.name() + " TaskManager", c.taskManager().pid());
                        });
        for (SidecarProcess s : platform.sidecars()) {
            row(s.cluster() + " sidecar", s.pid());
        }
        for (SupervisorProcess s : supervisors.alive()) {
            row(s.name() + (s.leading() ? " (leader)" : " (standby)"), s.pid());
        }
    }

    private static void row(String what, long pid) {
        try {
            String rss =
                    Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                            .filter(l -> l.startsWith("VmRSS:"))
                            .findFirst()
                            .orElse("VmRSS: ? kB")
                            .replaceAll("\\s+", " ");
            long kb = Long.parseLong(rss.split(" ")[1]);
            System.out.printf("  %-28s %6d MiB%n", what, kb / 1024);
        } catch (IOException | RuntimeException e) {
            System.out.printf("  %-28s (unreadable: %s)%n", what, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
