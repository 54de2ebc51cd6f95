package io.flotilla.supervisor.api;

/** A deployment left on a lost cluster, and why (no answering cluster had room, say). */
public record ClusterNotMoved(String deployment, String reason) {}
