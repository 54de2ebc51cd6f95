package io.flotilla.supervisor.api;

/** A deployment moved off a lost cluster, and the state it restarts from. */
public record ClusterMove(String deployment, String from, String to, String restoreFrom) {}
