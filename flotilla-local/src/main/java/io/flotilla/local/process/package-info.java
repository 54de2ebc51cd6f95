/**
 * The platform's processes, each a JVM (or PostgreSQL) of its own, tied to the launcher by the
 * watchdog: Flink JobManagers and TaskManagers, sidecars, supervisors, s3proxy, Kafka, and the run
 * folder, ports and build layout they are started from.
 */
package io.flotilla.local.process;
