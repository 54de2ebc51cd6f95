package io.flotilla.dsl.function;

import io.flotilla.dsl.DslException;
import java.lang.reflect.Modifier;
import java.util.regex.Pattern;
import org.apache.flink.table.functions.UserDefinedFunction;

/**
 * A Java user-defined function as a job sees it: the name SQL and {@code call(...)} use, its class,
 * its kind, and where it was declared (for messages and lineage).
 */
public record FunctionDef(
        String name, Class<? extends UserDefinedFunction> type, FunctionKind kind, String origin) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The function {@code type} called {@code name}, declared at {@code origin}. */
    public static FunctionDef of(
            String name, Class<? extends UserDefinedFunction> type, String origin) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new DslException(
                    origin
                            + ": function name '"
                            + name
                            + "' is not a SQL identifier: use letters, digits and _ such as"
                            + " normalize_url");
        }
        FunctionKind kind = FunctionKind.of(type);
        if (kind == null) {
            throw new DslException(
                    origin
                            + ": class "
                            + type.getName()
                            + " of function '"
                            + name
                            + "' is not a Flink function: extend ScalarFunction, TableFunction,"
                            + " AggregateFunction or TableAggregateFunction");
        }
        if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new DslException(
                    origin
                            + ": class "
                            + type.getName()
                            + " of function '"
                            + name
                            + "' must be public and not abstract");
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new DslException(
                    origin
                            + ": class "
                            + type.getName()
                            + " of function '"
                            + name
                            + "' needs a public no-argument constructor");
        }
        return new FunctionDef(name, type, kind, origin);
    }

    /** The function whose class is named {@code className}, loaded through {@code loader}. */
    public static FunctionDef byClassName(
            String name, String className, ClassLoader loader, String origin) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DslException(
                    origin
                            + ": class '"
                            + className
                            + "' of function '"
                            + name
                            + "' is not on the class path: ship it in the job jar or a functions"
                            + " jar (FLOTILLA_JOB_CLASSPATH for validate)");
        }
        if (!UserDefinedFunction.class.isAssignableFrom(type)) {
            throw new DslException(
                    origin
                            + ": class "
                            + className
                            + " of function '"
                            + name
                            + "' is not a Flink function: extend ScalarFunction, TableFunction,"
                            + " AggregateFunction or TableAggregateFunction");
        }
        return of(name, type.asSubclass(UserDefinedFunction.class), origin);
    }
}
