/** The demo: the example orders jobs deployed through the supervisor and the Kafka orders feed. */
package io.flotilla.local.demo;
