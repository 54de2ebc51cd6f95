package io.flotilla.ui;

import io.flotilla.supervisor.api.BackfillRequest;
import io.flotilla.supervisor.api.DeploymentRequest;
import io.flotilla.supervisor.api.DesiredState;
import io.flotilla.supervisor.api.StartFromSavepointRequest;
import io.flotilla.supervisor.api.SupervisorClient;
import io.flotilla.supervisor.api.UpgradeMode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The job page's buttons as API calls: each form posted to {@code /jobs/NAME/ACTION} becomes one
 * call of the typed client, its fields checked here first so a bad one names the field.
 */
final class JobActions {

    static final Set<String> ACTIONS =
            Set.of(
                    "start",
                    "stop",
                    "restart",
                    "savepoint",
                    "backfill",
                    "backfill-cancel",
                    "start-from-savepoint",
                    "start-stateless");

    private JobActions() {}

    /** One job action through the typed client; the API records it with the user's name. */
    static void act(SupervisorClient client, String name, String action, Map<String, String> form) {
        Long generation = generation(form.get("generation"));
        switch (action) {
            case "start" -> client.start(name, null);
            case "stop" -> client.stop(name, null);
            case "restart" -> client.restart(name, null);
            case "savepoint" -> client.takeSavepoint(name);
            case "backfill" ->
                    client.startBackfill(
                            name,
                            new BackfillRequest(
                                    instant("from", form.get("from")),
                                    instant("to", form.get("to")),
                                    form.getOrDefault("into", "").isBlank()
                                            ? null
                                            : form.get("into").strip()));
            case "backfill-cancel" -> client.cancelBackfill(name, backfillId(form.get("id")));
            case "start-from-savepoint" ->
                    client.startFromSavepoint(
                            name,
                            new StartFromSavepointRequest(
                                    form.getOrDefault("savepoint", "").strip(), generation));
            case "start-stateless" ->
                    client.update(
                            name,
                            DeploymentRequest.change(
                                            generation == null
                                                    ? client.deployment(name).generation()
                                                    : generation)
                                    .withDesiredState(DesiredState.RUNNING)
                                    .withUpgradeMode(UpgradeMode.STATELESS));
            default -> throw new IllegalStateException("no action " + action);
        }
    }

    /** A form's time field; a bad one is refused here, before the API is asked. */
    private static Instant instant(String field, String raw) {
        try {
            return Instant.parse(raw == null ? "" : raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "field '"
                            + field
                            + "' must be an ISO instant such as 2026-01-01T00:00:00Z, got '"
                            + raw
                            + "'");
        }
    }

    /** The Cancel button's backfill number; a bad one is refused before the API is asked. */
    private static long backfillId(String raw) {
        if (raw == null || !raw.strip().matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException(
                    "field 'id' must be a backfill's number, got '" + raw + "'");
        }
        return Long.parseLong(raw.strip());
    }

    private static Long generation(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
