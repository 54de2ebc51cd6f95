package io.flotilla.supervisor.api;

import java.util.List;

/**
 * The detail of a release refused with 409 {@code state_loss}: what of the running version's state
 * the new version's compiled plan cannot restore. Send the release again with {@code
 * allowStateLoss: true} to drop it, or keep the old definitions of these operators.
 *
 * @param runningVersion the version whose plan the release was compared with
 * @param version the version being released
 */
public record StateLossReport(String runningVersion, String version, List<StateLoss> losses) {

    /** One stateful operator whose state would be lost, and why. */
    public record StateLoss(String operator, String change, String consequence) {}
}
