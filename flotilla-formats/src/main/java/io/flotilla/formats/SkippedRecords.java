package io.flotilla.formats;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;

/**
 * Counts records skipped under ignore-parse-errors, as a Flink metric once the schema is opened.
 */
public final class SkippedRecords {
    /** Name of the Flink counter in the source operator's metric group. */
    public static final String METRIC = "skippedRecords";

    private Counter counter = new SimpleCounter();

    public void register(MetricGroup group) {
        if (group != null) {
            Counter registered = group.counter(METRIC, new SimpleCounter());
            registered.inc(counter.getCount());
            counter = registered;
        }
    }

    public void inc() {
        counter.inc();
    }

    public long count() {
        return counter.getCount();
    }
}
