package io.flotilla.dsl;

import io.flotilla.dsl.table.Format;
import io.flotilla.dsl.table.TableDeclaration;
import io.flotilla.dsl.table.TableDef;
import io.flotilla.dsl.table.Tables;

/** Tables declared as classes for the tests: generated clicks and users, and a few sinks. */
public final class TestingTables {

    private TestingTables() {}

    /** Generated clicks with an event-time watermark. */
    public static final class Clicks implements TableDeclaration {
        @Override
        public TableDef table() {
            return TableDef.datagen("clicks")
                    .column("user_id", "INT")
                    .column("url", "STRING")
                    .column("ts", "TIMESTAMP(3)")
                    .watermark("ts", "ts - INTERVAL '5' SECOND")
                    .option("fields.user_id.min", "1")
                    .option("fields.user_id.max", "10")
                    .owner("web-service")
                    .build();
        }
    }

    /** Generated users. */
    public static final class Users implements TableDeclaration {
        @Override
        public TableDef table() {
            return TableDef.datagen("users")
                    .column("id", "INT")
                    .column("name", "STRING")
                    .owner("accounts-service")
                    .build();
        }
    }

    /** Clicks per user and minute, written to files as JSON. */
    public static final class ClickCounts implements TableDeclaration {
        @Override
        public TableDef table() {
            return TableDef.filesystem("click_counts")
                    .path("file:///tmp/flotilla-dsl-test/click_counts")
                    .format(Format.JSON)
                    .column("window_start", "TIMESTAMP(3)")
                    .column("user_id", "INT")
                    .column("clicks", "BIGINT")
                    .owner("analytics")
                    .build();
        }
    }

    /** A sink that drops everything. */
    public static final class Discard implements TableDeclaration {
        @Override
        public TableDef table() {
            return TableDef.connector("discard", "blackhole")
                    .column("user_id", "INT")
                    .column("url", "STRING")
                    .build();
        }
    }

    /** The catalog of these four. */
    public static Tables catalog() {
        return Tables.builder()
                .add(Clicks.class)
                .add(Users.class)
                .add(ClickCounts.class)
                .add(Discard.class)
                .build();
    }
}
