package io.flotilla.supervisor.model;

/** An event as stored: its position in the log, by which callers page through it. */
public record AuditEntry(long id, Event event) {}
