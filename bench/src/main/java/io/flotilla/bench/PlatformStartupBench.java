package io.flotilla.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code bin/flotilla demo} end to end, as a user sees it: seconds to "2 clusters, S3 and
 * PostgreSQL ready", cold (fresh run folder) and warm (same folder again), seconds to the example
 * job's first completed checkpoint, and the resident memory of every JVM. Run by {@code
 * bench/platform-startup.sh}; not a test.
 */
public final class PlatformStartupBench {

    private record Run(
            String kind,
            double ready,
            double running,
            double checkpoint,
            Map<String, Long> rssKb) {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path home = repo.resolve("bench/target/startup-home");
        deleteTree(home);
        List<Run> runs = new ArrayList<>();
        runs.add(once(repo, home, "cold"));
        for (int i = 0; i < warmRuns; i++) {
            runs.add(once(repo, home, "warm"));
        }
        System.out.println();
        System.out.println("| run | ready (s) | job RUNNING (s) | first checkpoint (s) |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (Run r : runs) {
            System.out.printf(
                    "| %s | %.1f | %.1f | %.1f |%n", r.kind, r.ready, r.running, r.checkpoint);
        }
        System.out.println();
        System.out.println("| process | resident memory (MiB), last run |");
        System.out.println("| --- | ---: |");
        runs.get(runs.size() - 1)
                .rssKb()
                .forEach((name, kb) -> System.out.printf("| %s | %d |%n", name, kb / 1024));
    }

    private static Run once(Path repo, Path home, String kind) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("bin/flotilla").toString(), "demo");
        pb.environment().put("FLOTILLA_HOME", home.toString());
        pb.redirectErrorStream(true);
        long start = System.nanoTime();
        Process demo = pb.start();
        double ready = -1;
        double running = -1;
        double checkpoint = -1;
        Map<String, Long> rss = new LinkedHashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(demo.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                double t = (System.nanoTime() - start) / 1e9;
                System.out.println("  " + kind + " | " + line);
                if (line.contains("S3 and PostgreSQL ready in")) {
                    ready = t;
                } else if (line.contains("is RUNNING on")) {
                    running = t;
                } else if (line.contains("first checkpoint completed")) {
                    checkpoint = t;
                } else if (line.startsWith("Press Ctrl-C")) {
                    rss = residentMemory(home.resolve("platform.json"), demo.pid());
                    break;
                }
            }
            demo.destroy(); // SIGTERM: the launcher's shutdown hook stops everything
            if (!demo.waitFor(90, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
                throw new IllegalStateException("demo did not stop within 90 s");
            }
        }
        return new Run(kind, ready, running, checkpoint, rss);
    }

    private static Map<String, Long> residentMemory(Path descriptor, long scriptPid)
            throws IOException {
        JsonNode json = new ObjectMapper().readTree(descriptor.toFile());
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put("launcher (bin/flotilla)", rssKb(json.get("pid").asLong()));
        for (JsonNode c : json.get("clusters")) {
            rss.put(c.get("name").asText() + " JobManager", rssKb(c.get("jobManagerPid").asLong()));
            rss.put(
                    c.get("name").asText() + " TaskManager",
                    rssKb(c.get("taskManagerPid").asLong()));
        }
        ProcessHandle.allProcesses()
                .filter(
                        p ->
                                p.info()
                                        .commandLine()
                                        .map(l -> l.contains("org.gaul.s3proxy.Main"))
                                        .orElse(false))
                .findFirst()
                .ifPresent(p -> rss.put("s3proxy", rssKb(p.pid())));
        return rss;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
