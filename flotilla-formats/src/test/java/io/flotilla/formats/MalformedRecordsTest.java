package io.flotilla.formats;

import static io.flotilla.formats.Schemas.hex;
import static io.flotilla.formats.Schemas.rowType;
import static io.flotilla.formats.Schemas.tskvReader;
import static io.flotilla.formats.Schemas.utf8;
import static io.flotilla.formats.Schemas.ysonReader;
import static org.apache.flink.table.api.DataTypes.ARRAY;
import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.INT;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.formats.tskv.TskvRowDataDeserializationSchema;
import io.flotilla.formats.yson.YsonRowDataDeserializationSchema;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.Test;

/** Bad records fail with the byte offset and the field, or are skipped and counted when told. */
class MalformedRecordsTest {
    private static final RowType AB = rowType(FIELD("a", BIGINT()), FIELD("b", STRING()));

    @Test
    void ysonStringWhereAnIntegerIsExpectedNamesOffsetAndField() {
        assertYsonFails(AB, utf8("{a=\"x\";b=\"y\"}"), 3, "a", "expected an integer, got a string");
    }

    @Test
    void ysonMissingValueNamesOffsetAndField() {
        assertYsonFails(AB, utf8("{a=1;b=}"), 7, "b", "expected a string, got '}'");
    }

    @Test
    void ysonUnclosedMapNamesTheEnd() {
        assertYsonFails(AB, utf8("{a=1"), 4, null, "expected ';' or '}', got end of input");
    }

    @Test
    void ysonBinaryStringRunningPastTheEndNamesItsOffset() {
        byte[] record = hex("7B 01 02 61 3D 02 02 3B 01 02 62 3D 01 0A 78");
        assertYsonFails(AB, record, 14, "b", "binary string length 5 runs past the end");
    }

    @Test
    void ysonErrorInANestedRowNamesTheDottedPath() {
        RowType t = rowType(FIELD("u", ROW(FIELD("age", INT()))));
        assertYsonFails(t, utf8("{u={age=abc}}"), 8, "u.age", "expected an integer");
    }

    @Test
    void ysonIntegerOutOfRangeNamesWhereTheNumberStarts() {
        RowType t = rowType(FIELD("a", INT()));
        assertYsonFails(t, utf8("{a=3000000000}"), 3, "a", "integer out of range of INT");
    }

    @Test
    void ysonTrailingDataAndTopLevelEntityAreRejected() {
        assertYsonFails(AB, utf8("{a=1;b=x} z"), 10, null, "trailing data");
        assertYsonFails(AB, utf8("#"), 0, null, "the record is an entity");
    }

    @Test
    void ysonRecordThatIsNotAMapNamesNoField() {
        assertYsonFails(AB, utf8("[1;2]"), 0, null, "expected '{', got '['");
    }

    @Test
    void ysonMissingFieldFailsOnlyWhenAskedTo() throws Exception {
        assertThatThrownBy(() -> ysonReader(AB, false, true).deserialize(utf8("{a=1}")))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class, e -> assertThat(e.field()).isEqualTo("b"))
                .hasMessageContaining("fail-on-missing-field");
        assertThat(ysonReader(AB, false, false).deserialize(utf8("{a=1}")).isNullAt(1)).isTrue();
    }

    @Test
    void ysonBadRecordsAreSkippedAndCountedWhenIgnoringErrors() throws Exception {
        YsonRowDataDeserializationSchema reader = ysonReader(AB, true, false);
        assertThat(reader.deserialize(utf8("{a=\"x\"}"))).isNull();
        assertThat(reader.deserialize(utf8("{a=1"))).isNull();
        assertThat(reader.deserialize(utf8("{a=2}")).getLong(0)).isEqualTo(2L);
        assertThat(reader.skippedRecords()).isEqualTo(2);
    }

    @Test
    void skippedRecordsAreAFlinkCounterOnceOpened() throws Exception {
        Map<String, Counter> counters = new HashMap<>();
        MetricGroup group =
                new UnregisteredMetricsGroup() {
                    @Override
                    public <C extends Counter> C counter(String name, C counter) {
                        counters.put(name, counter);
                        return counter;
                    }
                };
        TskvRowDataDeserializationSchema reader =
                tskvReader(rowType(FIELD("id", INT())), true, false);
        reader.open(
                new DeserializationSchema.InitializationContext() {
                    @Override
                    public MetricGroup getMetricGroup() {
                        return group;
                    }

                    @Override
                    public UserCodeClassLoader getUserCodeClassLoader() {
                        return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
                    }
                });
        reader.deserialize(utf8("id=x"));
        reader.deserialize(utf8("id=y"));

        assertThat(counters.get(SkippedRecords.METRIC).getCount()).isEqualTo(2);
    }

    @Test
    void tskvBadNumberNamesTheValueOffsetAndField() {
        RowType t = rowType(FIELD("id", INT()));
        assertTskvFails(t, "tskv\tid=abc", 8, "id", "expected an integer such as 42");
    }

    @Test
    void tskvBadTimestampSaysWhatATimestampLooksLike() {
        RowType t = rowType(FIELD("id", INT()), FIELD("ts", TIMESTAMP(3)));
        assertTskvFails(t, "id=1\tts=yesterday", 8, "ts", "2024-05-31T12:30:00.123");
    }

    @Test
    void tskvFieldWithoutEqualsSignIsRejected() {
        RowType t = rowType(FIELD("id", INT()));
        assertTskvFails(t, "tskv\tgarbage\tid=1", 5, null, "field has no '='");
    }

    @Test
    void tskvNestedValueErrorPointsIntoTheValue() {
        RowType t = rowType(FIELD("arr", ARRAY(INT())));
        assertTskvFails(t, "arr=[1;x]", 7, "arr[]", "expected an integer, got a string");
    }

    @Test
    void tskvMissingKeyFailsOnlyWhenAskedTo() throws Exception {
        RowType t = rowType(FIELD("id", INT()), FIELD("name", STRING()));
        assertThatThrownBy(() -> tskvReader(t, false, true).deserialize(utf8("tskv\tid=1")))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(tskvReader(t, false, false).deserialize(utf8("tskv\tid=1")).isNullAt(1))
                .isTrue();
    }

    @Test
    void tskvBadRecordsAreSkippedAndCountedWhenIgnoringErrors() throws Exception {
        RowType t = rowType(FIELD("id", INT()));
        TskvRowDataDeserializationSchema reader = tskvReader(t, true, false);
        assertThat(reader.deserialize(utf8("id=x"))).isNull();
        assertThat(reader.deserialize(utf8("id=7")).getInt(0)).isEqualTo(7);
        assertThat(reader.skippedRecords()).isEqualTo(1);
    }

    @Test
    void errorMessagesSayHowToSkipAndNeverQuoteTheValue() {
        RowType t = rowType(FIELD("password", INT()));
        assertThatThrownBy(() -> tskvReader(t, false, false).deserialize(utf8("password=hunter2")))
                .hasMessageContaining("'tskv.ignore-parse-errors' = 'true'")
                .hasMessageNotContaining("hunter2");
    }

    private static void assertYsonFails(
            RowType t, byte[] record, long offset, String field, String problem) {
        assertThatThrownBy(() -> ysonReader(t, false, false).deserialize(record))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class,
                        e -> {
                            assertThat(e.offset()).isEqualTo(offset);
                            assertThat(e.field()).isEqualTo(field);
                        })
                .hasMessageContaining("Malformed YSON record at byte " + offset)
                .hasMessageContaining(problem);
    }

    private static void assertTskvFails(
            RowType t, String record, long offset, String field, String problem) {
        assertThatThrownBy(() -> tskvReader(t, false, false).deserialize(utf8(record)))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class,
                        e -> {
                            assertThat(e.offset()).isEqualTo(offset);
                            assertThat(e.field()).isEqualTo(field);
                        })
                .hasMessageContaining("Malformed TSKV record at byte " + offset)
                .hasMessageContaining(problem);
    }
}
