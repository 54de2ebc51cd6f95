package io.flotilla.formats;

import java.math.BigDecimal;
import org.apache.flink.table.data.DecimalData;

/**
 * Fits a parsed decimal to a DECIMAL(p, s) column with bounded work: a value whose exponent puts it
 * far outside the column is refused (or rounded to zero) before BigDecimal scales it, which for
 * {@code 1e99999999} would take minutes.
 */
public final class Decimals {
    private Decimals() {}

    /** The value rounded half-up to the column's scale, or null when it does not fit. */
    public static DecimalData fit(BigDecimal v, int precision, int scale) {
        if (v.signum() == 0) {
            return DecimalData.fromBigDecimal(BigDecimal.ZERO, precision, scale);
        }
        // Digits left of the point: precision - scale of the value (long: both may be huge).
        long integerDigits = (long) v.precision() - v.scale();
        if (integerDigits > precision - scale) {
            return null; // at least 10^(precision - scale): too many integer digits
        }
        if (-integerDigits >= scale + 1L) {
            // |v| < 10^-(scale + 1) < half a unit of the last place: rounds to zero.
            return DecimalData.fromBigDecimal(BigDecimal.ZERO, precision, scale);
        }
        return DecimalData.fromBigDecimal(v, precision, scale);
    }
}
