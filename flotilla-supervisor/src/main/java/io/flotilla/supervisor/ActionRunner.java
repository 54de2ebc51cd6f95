package io.flotilla.supervisor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one round's deployment tasks in parallel, at most {@link ActionLimits#actions()} at once and
 * at most {@link ActionLimits#actionsPerCluster()} on one cluster, taking clusters in turn. The
 * caller gives each deployment one task, so no deployment is ever acted on twice at once; a round
 * ends only when all its tasks ended, so rounds never overlap either.
 */
final class ActionRunner {

    private static final AtomicInteger THREADS = new AtomicInteger();

    /**
     * Threads shared by every supervisor instance of the process: idle ones end after a minute, so
     * a supervisor replaced after a lost lease leaves none behind. The limits bound how many run.
     */
    private static final ExecutorService POOL =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t =
                                new Thread(
                                        r,
                                        "flotilla-supervisor-action-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });

    private final ActionLimits limits;

    ActionRunner(ActionLimits limits) {
        this.limits = limits;
    }

    private record Done(String cluster, Throwable error) {}

    /**
     * Runs every task of every cluster. A task that throws stops new tasks from starting (as the
     * death of the process would); once the started ones ended, the first throwable is rethrown.
     */
    void run(Map<String, List<Runnable>> tasksByCluster) {
        if (limits.actions() == 1) {
            tasksByCluster.values().forEach(tasks -> tasks.forEach(Runnable::run));
            return;
        }
        Map<String, Deque<Runnable>> queues = new LinkedHashMap<>();
        tasksByCluster.forEach(
                (cluster, tasks) -> {
                    if (!tasks.isEmpty()) {
                        queues.put(cluster, new ArrayDeque<>(tasks));
                    }
                });
        // Clusters with work waiting and room for one more task, in turn.
        Deque<String> ready = new ArrayDeque<>(queues.keySet());
        Set<String> inReady = new HashSet<>(queues.keySet());
        Map<String, Integer> inFlight = new HashMap<>();
        BlockingQueue<Done> done = new LinkedBlockingQueue<>();
        int running = 0;
        Throwable failure = null;
        boolean interrupted = false;
        while (true) {
            while (failure == null && running < limits.actions() && !ready.isEmpty()) {
                String cluster = ready.poll();
                inReady.remove(cluster);
                Deque<Runnable> queue = queues.get(cluster);
                Runnable task = queue.poll();
                int n = inFlight.merge(cluster, 1, Integer::sum);
                if (!queue.isEmpty() && n < limits.actionsPerCluster()) {
                    ready.add(cluster);
                    inReady.add(cluster);
                }
                running++;
                POOL.execute(
                        () -> {
                            Throwable error = null;
                            try {
                                task.run();
                            } catch (Throwable t) {
                                error = t;
                            }
                            done.add(new Done(cluster, error));
                        });
            }
            if (running == 0) {
                break;
            }
            Done d;
            try {
                d = done.take();
            } catch (InterruptedException e) {
                // Tasks are already running: wait for them, and keep the interrupt for the caller.
                interrupted = true;
                continue;
            }
            running--;
            if (d.error() != null && failure == null) {
                failure = d.error();
            }
            inFlight.merge(d.cluster(), -1, Integer::sum);
            if (!queues.get(d.cluster()).isEmpty() && inReady.add(d.cluster())) {
                ready.add(d.cluster());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
