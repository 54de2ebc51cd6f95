/** {@code bin/flotilla}'s platform commands: start, stop, status, demo, and the seed's release. */
package io.flotilla.local.cli;
