package io.flotilla.dsl.function;

import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.table.functions.AsyncScalarFunction;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.functions.TableAggregateFunction;
import org.apache.flink.table.functions.TableFunction;

/** The kinds of Java user-defined function a job can declare. */
public enum FunctionKind {
    SCALAR,
    TABLE,
    AGGREGATE,
    TABLE_AGGREGATE;

    /** The kind of {@code type}, or null if it is none of Flink's user-defined functions. */
    static FunctionKind of(Class<?> type) {
        if (ScalarFunction.class.isAssignableFrom(type)
                || AsyncScalarFunction.class.isAssignableFrom(type)) {
            return SCALAR;
        }
        if (TableFunction.class.isAssignableFrom(type)) {
            return TABLE;
        }
        if (AggregateFunction.class.isAssignableFrom(type)) {
            return AGGREGATE;
        }
        if (TableAggregateFunction.class.isAssignableFrom(type)) {
            return TABLE_AGGREGATE;
        }
        return null;
    }
}
