/**
 * The local platform as a whole: starting and stopping it ({@code LocalPlatform}, its settings),
 * its supervisors, {@code platform.json}, and the waits and artifact uploads its tests and tools
 * share. What each part runs as lives in {@code process}, the command line in {@code cli}, the demo
 * in {@code demo}.
 */
package io.flotilla.local;
