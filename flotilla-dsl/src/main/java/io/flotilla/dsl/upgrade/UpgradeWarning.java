package io.flotilla.dsl.upgrade;

/**
 * One reason a new job version cannot take over part of the old version's state.
 *
 * @param operator the operator as a reader finds it in the plan, e.g. {@code GroupAggregate over
 *     keys [name]}
 * @param change what changed, from what to what
 * @param consequence what happens to the state and what to do about it
 */
public record UpgradeWarning(String operator, String change, String consequence) {

    /**
     * Whether old state is lost (dropped, or needing allowNonRestoredState), rather than a new
     * operator merely starting empty.
     */
    public boolean losesState() {
        return consequence.contains("allowNonRestoredState") || consequence.contains("dropped");
    }

    /** The one line validate prints. */
    public String message() {
        return operator + ": " + change + ": " + consequence;
    }

    @Override
    public String toString() {
        return message();
    }
}
