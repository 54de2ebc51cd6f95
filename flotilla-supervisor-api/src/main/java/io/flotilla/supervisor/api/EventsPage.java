package io.flotilla.supervisor.api;

import java.util.List;

/** {@code GET /v1/events}: a page of the audit log and the path of the next page, or null. */
public record EventsPage(List<EventView> events, String next) {}
