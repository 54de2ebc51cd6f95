package io.flotilla.supervisor.http;

import io.flotilla.common.PlanCompatibility;
import io.flotilla.http.ApiException;
import io.flotilla.http.Json;
import io.flotilla.supervisor.api.Lineage;
import io.flotilla.supervisor.api.StateLossReport;
import io.flotilla.supervisor.model.Deployment;
import io.flotilla.supervisor.model.DeploymentSpec;
import io.flotilla.supervisor.model.UpgradeMode;
import io.flotilla.supervisor.port.ControlStore;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The state-compatibility check of a release, before anything is stopped: the new version's
 * compiled plan against the running version's (stored beside its lineage by its own release).
 * Refuses a release that would lose state unless it allows that; says what it checked either way.
 */
final class ReleaseGate {

    /** What the check found: what would be lost, and the line the release's event carries. */
    record Verdict(List<PlanCompatibility.Loss> losses, String note) {}

    private final ControlStore store;
    private final PlanCompatibility plans;

    /** {@code plans}: the comparison, or null when none is on the class path. */
    ReleaseGate(ControlStore store, PlanCompatibility plans) {
        this.store = store;
        this.plans = plans;
    }

    /**
     * @throws ApiException 409 {@code state_loss} with a {@link StateLossReport} when state would
     *     be lost and {@code allowStateLoss} is false
     */
    Verdict check(Deployment d, DeploymentSpec next, Lineage lineage, boolean allowStateLoss) {
        if (lineage == null || lineage.plan() == null) {
            return new Verdict(
                    List.of(), "state compatibility not checked: the release brings no plan");
        }
        DeploymentSpec running = d.lastReconciledSpec();
        if (running == null || next.upgradeMode() == UpgradeMode.STATELESS) {
            return new Verdict(
                    List.of(),
                    "state compatibility not checked: "
                            + (running == null
                                    ? "no version ran yet"
                                    : "a STATELESS release restores no state"));
        }
        String runningVersion = running.version();
        String oldPlan =
                runningVersion == null
                        ? null
                        : store.lineage(d.name(), runningVersion)
                                .map(ReleaseGate::plan)
                                .orElse(null);
        if (oldPlan == null) {
            return new Verdict(
                    List.of(),
                    "state compatibility not checked: no plan stored for running version "
                            + runningVersion);
        }
        if (plans == null) {
            return new Verdict(
                    List.of(),
                    "state compatibility not checked: the supervisor has no plan comparison"
                            + " (flotilla-dsl) on its class path");
        }
        List<PlanCompatibility.Loss> losses;
        try {
            losses = plans.losses(oldPlan, lineage.plan());
        } catch (IllegalArgumentException e) {
            throw Validation.invalid(
                    "lineage.plan",
                    "is not a compiled plan ("
                            + e.getMessage()
                            + "): send CompiledPlan.asJsonString() of the new version");
        }
        if (losses.isEmpty()) {
            return new Verdict(
                    losses,
                    "state compatible with version "
                            + runningVersion
                            + ": every stateful operator keeps its state");
        }
        List<String> lines = losses.stream().map(PlanCompatibility.Loss::message).toList();
        if (!allowStateLoss) {
            throw new ApiException(
                    409,
                    "state_loss",
                    "version "
                            + next.version()
                            + " would lose state of running version "
                            + runningVersion
                            + ": "
                            + String.join("; ", lines)
                            + ". Keep the old definitions, or send allowStateLoss: true to drop"
                            + " this state",
                    "lineage.plan",
                    new StateLossReport(
                            runningVersion,
                            next.version(),
                            losses.stream()
                                    .map(
                                            l ->
                                                    new StateLossReport.StateLoss(
                                                            l.operator(),
                                                            l.change(),
                                                            l.consequence()))
                                    .toList()));
        }
        return new Verdict(
                losses, "state loss allowed (allowNonRestoredState): " + String.join("; ", lines));
    }

    private static String plan(String lineageJson) {
        return Json.read(lineageJson.getBytes(StandardCharsets.UTF_8), Lineage.class).plan();
    }
}
