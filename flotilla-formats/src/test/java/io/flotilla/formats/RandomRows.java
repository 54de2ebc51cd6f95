package io.flotilla.formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/**
 * jqwik generators: random-ish row schemas (nested ROW, ARRAY, MAP) and rows of them with NULLs.
 */
public final class RandomRows {
    /** A schema and rows of it. */
    public record Case(RowType type, List<GenericRowData> rows) {
        @Override
        public String toString() {
            return type.asSummaryString() + " x " + rows.size() + " rows";
        }
    }

    private static final String[] NAMES = {
        "id",
        "name",
        "a=b",
        "tab\tkey",
        "back\\slash",
        "ключ",
        "x y",
        "_u",
        "n0",
        "value",
        "tskv",
        "e"
    };

    private static final LogicalType[] SCALARS = {
        DataTypes.STRING().getLogicalType(),
        DataTypes.CHAR(3).getLogicalType(),
        DataTypes.BOOLEAN().getLogicalType(),
        DataTypes.BYTES().getLogicalType(),
        DataTypes.DECIMAL(10, 2).getLogicalType(),
        DataTypes.TINYINT().getLogicalType(),
        DataTypes.SMALLINT().getLogicalType(),
        DataTypes.INT().getLogicalType(),
        DataTypes.BIGINT().getLogicalType(),
        DataTypes.FLOAT().getLogicalType(),
        DataTypes.DOUBLE().getLogicalType(),
        DataTypes.DATE().getLogicalType(),
        DataTypes.TIME(3).getLogicalType(),
        DataTypes.TIMESTAMP(3).getLogicalType(),
        DataTypes.TIMESTAMP_LTZ(3).getLogicalType(),
    };

    private RandomRows() {}

    public static Arbitrary<Case> cases() {
        return rowTypes(2)
                .flatMap(t -> rows(t).list().ofMinSize(1).ofMaxSize(5).map(rs -> new Case(t, rs)));
    }

    public static Arbitrary<RowType> rowTypes(int depth) {
        return Arbitraries.of(NAMES)
                .set()
                .ofMinSize(1)
                .ofMaxSize(depth == 2 ? 6 : 3)
                .flatMap(
                        names ->
                                types(depth - 1)
                                        .list()
                                        .ofSize(names.size())
                                        .map(
                                                ts -> {
                                                    List<RowType.RowField> fields =
                                                            new ArrayList<>();
                                                    int i = 0;
                                                    for (String n : names) {
                                                        fields.add(
                                                                new RowType.RowField(
                                                                        n, ts.get(i++)));
                                                    }
                                                    return new RowType(fields);
                                                }));
    }

    private static Arbitrary<LogicalType> types(int depth) {
        Arbitrary<LogicalType> scalar = Arbitraries.of(SCALARS);
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<LogicalType> nested =
                Arbitraries.oneOf(
                        rowTypes(depth).map(t -> (LogicalType) t),
                        types(depth - 1).map(t -> (LogicalType) new ArrayType(t)),
                        types(depth - 1).map(v -> (LogicalType) new MapType(SCALARS[0], v)),
                        types(depth - 1).map(v -> (LogicalType) new MapType(SCALARS[7], v)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, nested));
    }

    public static Arbitrary<GenericRowData> rows(RowType type) {
        List<Arbitrary<Object>> fields = new ArrayList<>();
        for (LogicalType t : type.getChildren()) {
            fields.add(values(t).injectNull(0.15));
        }
        return Combinators.combine(fields).as(vs -> GenericRowData.of(vs.toArray()));
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.strings()
                .withCharRange(' ', '\u00ff')
                .withCharRange('\u0400', '\u04ff')
                .withChars('\t', '\n', '\r', '\\', '=', '\0', '"', '#', ';', '{')
                .ofMaxLength(12);
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> values(LogicalType type) {
        switch (type.getTypeRoot()) {
            case ROW:
                return rows((RowType) type).map(r -> (Object) r);
            case ARRAY:
                return values(((ArrayType) type).getElementType())
                        .injectNull(0.1)
                        .list()
                        .ofMaxSize(3)
                        .map(l -> new GenericArrayData(l.toArray()));
            case MAP:
                MapType m = (MapType) type;
                return Combinators.combine(
                                values(m.getKeyType()), values(m.getValueType()).injectNull(0.1))
                        .as((k, v) -> new Object[] {k, v})
                        .list()
                        .ofMaxSize(3)
                        .map(
                                pairs -> {
                                    Map<Object, Object> map = new HashMap<>();
                                    for (Object[] kv : pairs) {
                                        map.put(kv[0], kv[1]);
                                    }
                                    return new GenericMapData(map);
                                });
            case CHAR:
            case VARCHAR:
                return strings().map(s -> StringData.fromString(s));
            case BOOLEAN:
                return Arbitraries.of(true, false).map(b -> b);
            case VARBINARY:
                return Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(b -> b);
            case DECIMAL:
                return Arbitraries.longs()
                        .between(-9_999_999_999L, 9_999_999_999L)
                        .map(v -> DecimalData.fromBigDecimal(BigDecimal.valueOf(v, 2), 10, 2));
            case TINYINT:
                return Arbitraries.bytes().map(v -> v);
            case SMALLINT:
                return Arbitraries.shorts().map(v -> v);
            case INTEGER:
                return Arbitraries.integers().map(v -> v);
            case BIGINT:
                return Arbitraries.longs().map(v -> v);
            case FLOAT:
                return Arbitraries.oneOf(
                        Arbitraries.floats().map(v -> (Object) v),
                        Arbitraries.of(Float.NaN, Float.NEGATIVE_INFINITY, -0.0f).map(v -> v));
            case DOUBLE:
                return Arbitraries.oneOf(
                        Arbitraries.doubles().map(v -> (Object) v),
                        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1e300).map(v -> v));
            case DATE:
                return Arbitraries.integers().between(-800_000, 2_900_000).map(v -> v);
            case TIME_WITHOUT_TIME_ZONE:
                return Arbitraries.integers().between(0, 86_399_999).map(v -> v);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return Arbitraries.longs()
                        .between(-62_000_000_000_000L, 250_000_000_000_000L)
                        .map(
                                ms ->
                                        TimestampData.fromLocalDateTime(
                                                LocalDateTime.ofEpochSecond(
                                                        Math.floorDiv(ms, 1000),
                                                        (int) Math.floorMod(ms, 1000) * 1_000_000,
                                                        java.time.ZoneOffset.UTC)));
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return Arbitraries.longs()
                        .between(-62_000_000_000_000L, 250_000_000_000_000L)
                        .map(ms -> TimestampData.fromInstant(Instant.ofEpochMilli(ms)));
            default:
                throw new IllegalArgumentException(type.toString());
        }
    }
}
