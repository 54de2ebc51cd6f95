package io.flotilla.supervisor.api;

/** One table a job reads or writes: where it lives, its format, who owns and declares it. */
public record LineageTable(
        String name,
        String connector,
        String location,
        String format,
        String owner,
        String declaredBy) {}
