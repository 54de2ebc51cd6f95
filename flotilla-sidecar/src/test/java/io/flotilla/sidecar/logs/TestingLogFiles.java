package io.flotilla.sidecar.logs;

import io.flotilla.sidecar.flink.FlinkRestException;
import io.flotilla.sidecar.logs.LogApi.LogFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory;

/** Log files in memory, keyed by process ("jobmanager" or a TaskManager id) and file name. */
final class TestingLogFiles implements LogFiles {

    static final String JM = "jobmanager";

    final Map<String, Map<String, String>> files = new LinkedHashMap<>();
    final Map<JobID, String> names = new LinkedHashMap<>();
    final Map<JobID, JobExceptionsInfoWithHistory> exceptions = new LinkedHashMap<>();
    final List<String> opened = new ArrayList<>();

    /** Failure switch: every call fails as an unreachable JobManager would. */
    boolean down;

    TestingLogFiles put(String process, String file, String text) {
        files.computeIfAbsent(process, p -> new LinkedHashMap<>()).put(file, text);
        return this;
    }

    @Override
    public List<LogFile> jobManagerFiles() {
        return list(JM);
    }

    @Override
    public List<String> taskManagers() {
        check();
        return files.keySet().stream().filter(p -> !p.equals(JM)).toList();
    }

    @Override
    public List<LogFile> taskManagerFiles(String taskManager) {
        return list(taskManager);
    }

    @Override
    public InputStream open(String taskManager, String file) {
        check();
        String process = taskManager == null ? JM : taskManager;
        Map<String, String> of = files.getOrDefault(process, Map.of());
        String name =
                file != null
                        ? file
                        : of.keySet().stream().filter(f -> f.endsWith(".log")).findFirst().get();
        opened.add(process + "/" + name);
        return new ByteArrayInputStream(of.get(name).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> jobName(JobID jobId) {
        check();
        return Optional.ofNullable(names.get(jobId));
    }

    @Override
    public Optional<JobExceptionsInfoWithHistory> exceptions(JobID jobId) {
        check();
        return Optional.ofNullable(exceptions.get(jobId));
    }

    private List<LogFile> list(String process) {
        check();
        return files.getOrDefault(process, Map.of()).entrySet().stream()
                .map(
                        e ->
                                new LogFile(
                                        e.getKey(),
                                        e.getValue().getBytes(StandardCharsets.UTF_8).length,
                                        Instant.EPOCH))
                .toList();
    }

    private void check() {
        if (down) {
            throw new FlinkRestException(0, "connection refused", null);
        }
    }
}
