package io.flotilla.local.process;

import java.nio.file.Path;

/**
 * One Flink release a local cluster can run: its version, the classpath of its JobManager and
 * TaskManager JVMs (what a Flink distribution's {@code lib/} holds) and its plugin folder.
 */
public record FlinkRuntime(String version, String classpath, Path plugins) {}
