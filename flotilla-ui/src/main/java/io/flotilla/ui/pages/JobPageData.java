package io.flotilla.ui.pages;

import io.flotilla.http.ApiCallException;
import io.flotilla.supervisor.api.BackfillView;
import io.flotilla.supervisor.api.DeploymentView;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.ReleaseView;
import io.flotilla.supervisor.api.RunView;
import io.flotilla.supervisor.api.StateView;
import io.flotilla.supervisor.api.SupervisorClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the job page shows, asked of the supervisor's API in parallel: the page needs seven answers
 * that do not depend on each other (only the lineage needs the deployment's version), and asking
 * them one after another made the page cost the sum of their times instead of the longest.
 *
 * @param lineage null when no lineage is stored for the running version
 */
record JobPageData(
        DeploymentView deployment,
        List<EventView> events,
        StateView state,
        RunView current,
        Lineage lineage,
        List<ReleaseView> releases,
        List<BackfillView> backfills) {

    /**
     * Bounded, so many pages at once queue here rather than open unbounded connections to the API;
     * daemon threads, so the pool never keeps a stopping supervisor alive.
     */
    private static final ExecutorService CALLS =
            Executors.newFixedThreadPool(
                    16,
                    new java.util.concurrent.ThreadFactory() {
                        private final AtomicInteger n = new AtomicInteger();

                        @Override
                        public Thread newThread(Runnable r) {
                            Thread t = new Thread(r, "job-page-api-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        }
                    });

    /**
     * Asks every answer at once and waits for all; the deployment's own failure (a 404 for an
     * unknown name) is the one thrown, as when it was asked first.
     */
    static JobPageData fetch(SupervisorClient api, String name) {
        CompletableFuture<DeploymentView> deployment = call(() -> api.deployment(name));
        CompletableFuture<List<EventView>> events = call(() -> History.all(api, name));
        CompletableFuture<StateView> state = call(() -> api.state(name));
        CompletableFuture<RunView> current = call(() -> api.runs(name).current());
        CompletableFuture<List<ReleaseView>> releases = call(() -> api.releases(name).releases());
        CompletableFuture<List<BackfillView>> backfills =
                call(() -> api.backfills(name).backfills());
        CompletableFuture<Lineage> lineage =
                deployment.thenApplyAsync(d -> lineage(api, name, d.spec().version()), CALLS);
        DeploymentView d = join(deployment);
        return new JobPageData(
                d,
                join(events),
                join(state),
                join(current),
                join(lineage),
                join(releases),
                join(backfills));
    }

    private static Lineage lineage(SupervisorClient api, String name, String version) {
        try {
            return api.lineage(name, version);
        } catch (ApiCallException e) {
            return null;
        }
    }

    private static <T> CompletableFuture<T> call(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, CALLS);
    }

    /**
     * The answer, or the call's own exception unwrapped, so callers see what a direct call throws.
     */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
