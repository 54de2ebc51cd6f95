package io.flotilla.sidecar.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An in-memory {@link StateStore} for tests, with switches that make listing or deleting fail.
 * Thread-safe: {@link StateService} deletes from several threads at once.
 */
final class TestingStateStore implements StateStore {

    private final Map<String, Map<String, StateObject>> buckets = new ConcurrentHashMap<>();
    private final List<String> deleteCalls = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> failingDeletes = key -> false;
    private volatile boolean failListing;

    /** Puts (or replaces) an object. */
    TestingStateStore put(String bucket, String key, long size, Instant lastModified) {
        bucket(bucket).put(key, new StateObject(key, size, lastModified));
        return this;
    }

    /** Puts (or replaces) every object in {@code objects}. */
    TestingStateStore putAll(String bucket, List<StateObject> objects) {
        objects.forEach(o -> bucket(bucket).put(o.key(), o));
        return this;
    }

    /** Makes {@link #delete} throw for every key {@code keys} matches, until cleared. */
    TestingStateStore failDeletesOf(Predicate<String> keys) {
        this.failingDeletes = keys;
        return this;
    }

    /** Makes deletes succeed again. */
    TestingStateStore clearFailures() {
        this.failingDeletes = key -> false;
        this.failListing = false;
        return this;
    }

    /** Makes {@link #list} throw while {@code fail} is true. */
    TestingStateStore failListing(boolean fail) {
        this.failListing = fail;
        return this;
    }

    /** Every key still in {@code bucket}, sorted. */
    Set<String> keys(String bucket) {
        return new TreeSet<>(bucket(bucket).keySet());
    }

    /** Every key, in the order deletes were attempted (including failed ones). */
    List<String> deleteCalls() {
        return List.copyOf(deleteCalls);
    }

    /** The key prefixes listed so far, in order. */
    final List<String> listed = new ArrayList<>();

    @Override
    public List<StateObject> list(String bucket, String keyPrefix) {
        listed.add(keyPrefix);
        if (failListing) {
            throw new IllegalStateException("listing s3://" + bucket + "/" + keyPrefix + " failed");
        }
        List<StateObject> out = new ArrayList<>();
        for (StateObject o : bucket(bucket).values()) {
            if (o.key().startsWith(keyPrefix)) {
                out.add(o);
            }
        }
        return out;
    }

    @Override
    public void delete(String bucket, String key) {
        deleteCalls.add(key);
        if (failingDeletes.test(key)) {
            throw new IllegalStateException("injected failure deleting " + key);
        }
        bucket(bucket).remove(key);
    }

    private Map<String, StateObject> bucket(String bucket) {
        return buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>());
    }
}
