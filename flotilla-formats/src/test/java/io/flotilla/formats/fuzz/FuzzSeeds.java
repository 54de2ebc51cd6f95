package io.flotilla.formats.fuzz;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/** Valid records of {@link FuzzTest#SCHEMA} to mutate, and the tokens each format cares about. */
final class FuzzSeeds {
    private FuzzSeeds() {}

    static final List<String> YSON_TOKENS =
            List.of(
                    "{",
                    "}",
                    "[",
                    "]",
                    "<",
                    ">",
                    ";",
                    "=",
                    "#",
                    "\"",
                    "\\",
                    "%",
                    "%true",
                    "%false",
                    "%inf",
                    "%-inf",
                    "%nan",
                    "-",
                    "+",
                    "1u",
                    "18446744073709551615u",
                    "-9223372036854775808",
                    "1e99999999",
                    "1e-99999999",
                    "1.5E+9",
                    "\u0001",
                    "\u0002",
                    "\u0003",
                    "\u0004",
                    "\u0005",
                    "\u0006",
                    "\u00ff\u00ff\u00ff\u00ff",
                    "\u0001\u00ff\u00ff\u00ff\u00ff\u000f",
                    "id",
                    "cost",
                    "address",
                    "=[",
                    "={",
                    "<a=1>",
                    "\\x",
                    "\\0",
                    "\"\\",
                    "[".repeat(300),
                    "<a=".repeat(100),
                    "9".repeat(40),
                    "{id=1;id=2}",
                    "tags=[#;x]");

    static final List<String> TSKV_TOKENS =
            List.of(
                    "\t",
                    "=",
                    "\\",
                    "\\N",
                    "\\=",
                    "\\t",
                    "\\'",
                    "\\b",
                    "\\x4",
                    "\\xZZ",
                    "tskv",
                    "{",
                    "}",
                    "[",
                    "]",
                    "<a=1>",
                    ";",
                    "#",
                    "%inf",
                    "inf",
                    "-inf",
                    "nan",
                    "\n",
                    "\r",
                    "1e99999999",
                    "1e-99999999",
                    "-",
                    "9".repeat(40),
                    "[".repeat(300),
                    "{k=".repeat(100),
                    "id=",
                    "cost=",
                    "big=",
                    "address={city=x;zip=",
                    "m=[[",
                    "mi=[[1;",
                    "nested=[{b=[",
                    "ts=2024-05-31 12:30:00",
                    "day=2024-02-30",
                    "ok=TRUE",
                    "bin=AQ",
                    "d=",
                    "f=1e39",
                    "tiny=128",
                    "\u00ff",
                    "\u0000");

    static List<RowData> rows() {
        GenericRowData full =
                GenericRowData.of(
                        1L,
                        StringData.fromString("Ann\tLee\\ \"=\n"),
                        DecimalData.fromBigDecimal(new BigDecimal("12.50"), 10, 2),
                        DecimalData.fromBigDecimal(new BigDecimal("-1234567.123456"), 38, 6),
                        new GenericArrayData(
                                new Object[] {
                                    StringData.fromString("a"), null, StringData.fromString("")
                                }),
                        GenericRowData.of(StringData.fromString("Oslo"), 150),
                        TimestampData.fromLocalDateTime(
                                LocalDateTime.parse("2024-05-31T12:30:00.123")),
                        TimestampData.fromInstant(Instant.parse("2024-05-31T12:30:00.123Z")),
                        19874,
                        45_000_123,
                        1.5,
                        -2.25f,
                        true,
                        new byte[] {1, 2, 3, 0, -1},
                        new GenericMapData(Map.of(StringData.fromString("k"), 1)),
                        new GenericMapData(Map.of(7, StringData.fromString("seven"))),
                        (byte) -128,
                        (short) 32767,
                        new GenericArrayData(
                                new Object[] {
                                    GenericRowData.of(
                                            Double.NaN,
                                            new GenericArrayData(new Object[] {1L, null, -3L}))
                                }));
        GenericRowData sparse = new GenericRowData(full.getArity());
        sparse.setField(0, Long.MIN_VALUE);
        sparse.setField(10, Double.NEGATIVE_INFINITY);
        sparse.setField(11, Float.NaN);
        sparse.setField(1, StringData.fromString(""));
        return List.of(full, sparse);
    }

    /** TSKV as ClickHouse and log shippers write it. */
    static List<String> tskvLines() {
        return List.of(
                "tskv\tid=1\tname=a\\bb\\fc\\'d\td=inf\tf=-nan\tcost=\\N\tday=2024-05-31",
                "id=2\tts=2024-05-31 12:30:00\tunknown=\\N\tk\\=ey=v\tm={a=1;b=2}\tmi=[[1;x]]",
                "tskv\tnested=[{a=%inf;b=[1;2u]}]\taddress=<x=1>{city=\"\\\\x41\";zip=#}");
    }

    /** Text YSON with attributes, every scalar form and unknown keys. */
    static List<String> ysonTexts() {
        return List.of(
                "<a=1;b=[1;2]>{id=<x=y>5u;name=abc;d=%inf;f=1e3;cost=1;big=-2.5;ok=%false;"
                        + "tags=[x;\"y\\n\";#];address={city=\"\\x41\";zip=1};m={\"a\"=1;b=2};"
                        + "mi=[[1;x];[2;y]];unknown={a=[1;{b=#}]};};",
                "{ts=\"2024-05-31 12:30:00\"; ltz=\"2024-05-31T12:30:00Z\"; day=\"2024-05-31\";"
                        + " t=\"12:30:00.123\"; bin=\"\\1\\2\\377\"; tiny=-5; small=+7;"
                        + " nested=[{a=1;b=[]};#]}");
    }
}
