package io.flotilla.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-user counts that the upgrade tests' jobs print to the TaskManager's stdout as {@code v1>
 * +I[user, count]}, read back per job version.
 */
final class PrintedCounts {

    private static final Pattern COUNT = Pattern.compile("^(v\\d)> [+][IU]\\[(\\d+), (\\d+)");

    private final Path taskManagerOut;
    private final Duration wait;

    PrintedCounts(LocalPlatform platform, Duration wait) {
        this(platform, platform.clusters().get(0).name(), wait);
    }

    /** The counts printed on {@code cluster}'s TaskManager. */
    PrintedCounts(LocalPlatform platform, String cluster, Duration wait) {
        this.taskManagerOut = platform.home().resolve("logs/" + cluster + "-taskmanager.out");
        this.wait = wait;
    }

    /** Waits until each of the 3 users has {@code atLeast} counts from {@code version}; firsts. */
    Map<Integer, Long> awaitFirst(String version, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Map<Integer, List<Long>> counts = all(version);
            if (counts.size() == 3 && counts.values().stream().allMatch(c -> c.size() >= atLeast)) {
                Map<Integer, Long> first = new TreeMap<>();
                counts.forEach((k, v) -> first.put(k, v.get(0)));
                return first;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                version + " printed no counts for 3 users in " + wait + ": " + all(version));
    }

    /** The last count {@code version} printed, per user. */
    Map<Integer, Long> last(String version) {
        Map<Integer, Long> last = new TreeMap<>();
        all(version).forEach((k, v) -> last.put(k, v.get(v.size() - 1)));
        return last;
    }

    /** Every count {@code version} printed, per user, in order. */
    Map<Integer, List<Long>> all(String version) {
        Map<Integer, List<Long>> counts = new TreeMap<>();
        try {
            if (!Files.exists(taskManagerOut)) {
                return counts;
            }
            for (String line : Files.readAllLines(taskManagerOut)) {
                Matcher m = COUNT.matcher(line);
                if (m.find() && m.group(1).equals(version)) {
                    counts.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new ArrayList<>())
                            .add(Long.parseLong(m.group(3)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
