package io.flotilla.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.TimestampData;
import org.junit.jupiter.api.Test;

/** The byte-level fast paths agree with java.time and BigDecimal, or step aside. */
class IsoFastPathsTest {

    @Property(tries = 2000)
    void timestampFastPathsAgreeWithJavaTime(
            @ForAll @LongRange(min = -62_000_000_000L, max = 253_000_000_000L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 3) int precision) {
        int kept =
                nanos
                        / (int) Math.pow(10, 9 - 3 * precision)
                        * (int) Math.pow(10, 9 - 3 * precision);
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, kept, ZoneOffset.UTC);
        byte[] text = IsoFastPaths.timestamp(TimestampData.fromLocalDateTime(time));
        assertThat(LocalDateTime.parse(new String(text, StandardCharsets.US_ASCII)))
                .isEqualTo(time);
        assertThat(IsoFastPaths.timestamp(text, 0, text.length).toLocalDateTime()).isEqualTo(time);
    }

    @Property(tries = 2000)
    void decimalFastPathsAgreeWithBigDecimal(
            @ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = 0, max = 4) int textScale) {
        BigDecimal value = BigDecimal.valueOf(unscaled, textScale);
        byte[] text = value.toPlainString().getBytes(StandardCharsets.US_ASCII);
        DecimalData fast = IsoFastPaths.decimal(text, 0, text.length, 14, 3);
        DecimalData slow = DecimalData.fromBigDecimal(value, 14, 3);
        if (fast != null) {
            assertThat(fast).isEqualTo(slow);
        } else {
            assertThat(textScale > 3 || slow == null).isTrue();
        }
        if (slow != null) {
            assertThat(
                            new BigDecimal(
                                    new String(
                                            IsoFastPaths.decimal(slow), StandardCharsets.US_ASCII)))
                    .isEqualTo(value.setScale(3, RoundingMode.HALF_UP));
        }
    }

    @Test
    void otherShapesAreLeftToTheSlowPath() {
        for (String s :
                new String[] {"2024-05-31T12:30", "2024-5-31T12:30:00", "2024-05-31T24:00:00"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(IsoFastPaths.timestamp(b, 0, b.length)).as(s).isNull();
        }
        for (String s : new String[] {"1e3", "-", ".", "", "1.2.3", "12345678901234567890"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(IsoFastPaths.decimal(b, 0, b.length, 18, 2)).as(s).isNull();
        }
        assertThat(IsoFastPaths.date("2024-02-30".getBytes(StandardCharsets.US_ASCII), 0, 10))
                .isNull();
    }
}
