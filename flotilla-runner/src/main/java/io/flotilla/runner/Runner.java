package io.flotilla.runner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;

/**
 * Main class of the runner jar: runs a SQL script's inserts as one Flink job (one statement set),
 * or hands a {@code --job} to the DSL's {@code io.flotilla.dsl.run.JobMain} when the DSL is in the
 * jar.
 */
public final class Runner {

    /** The DSL's entry point; called by name so the runner builds and runs without the DSL. */
    static final String DSL_MAIN = "io.flotilla.dsl.run.JobMain";

    private static final Pattern SET =
            Pattern.compile(
                    "SET\\s+'([^']+)'\\s*=\\s*'([^']*)'",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Runner() {}

    public static void main(String[] args) throws Exception {
        RunnerArgs parsed = RunnerArgs.parse(Arrays.asList(args));
        if (parsed.job() != null) {
            runDslJob(parsed, DSL_MAIN);
            return;
        }
        String script = SqlScript.substitute(SqlScript.load(parsed.sql()), parsed.vars());
        List<SqlScript.Statement> statements = SqlScript.split(script);
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance().inStreamingMode().build());
        TableResult result = run(tEnv, statements, parsed.sql());
        result.getJobClient()
                .ifPresent(
                        c -> System.out.println("flotilla runner: submitted job " + c.getJobID()));
    }

    /**
     * Runs {@code SET 'key' = 'value'} into the table config, the other statements but inserts one
     * by one, and all inserts together as one job. A failing statement is reported with the script
     * and its line.
     */
    static TableResult run(
            TableEnvironment tEnv, List<SqlScript.Statement> statements, String where) {
        StatementSet inserts = tEnv.createStatementSet();
        int count = 0;
        for (SqlScript.Statement s : statements) {
            String head = s.sql().stripLeading().toUpperCase(Locale.ROOT);
            try {
                Matcher set = SET.matcher(s.sql());
                if (set.matches()) {
                    tEnv.getConfig().getConfiguration().setString(set.group(1), set.group(2));
                } else if (head.startsWith("SELECT") || head.startsWith("WITH")) {
                    throw new IllegalArgumentException(
                            "a query outside an INSERT has nowhere to write: write it as INSERT"
                                    + " INTO <sink> SELECT ...");
                } else if (head.startsWith("INSERT") || head.startsWith("EXECUTE")) {
                    inserts.addInsertSql(s.sql());
                    count++;
                } else {
                    tEnv.executeSql(s.sql());
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        where + " line " + s.line() + ": " + e.getMessage(), e);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(
                    where + ": the script has no INSERT statement, so there is no job to run");
        }
        return inserts.execute();
    }

    /** Calls {@code mainClass.main} with {@code --job <job>} and the job's arguments. */
    static void runDslJob(RunnerArgs parsed, String mainClass) throws Exception {
        Class<?> main;
        try {
            main = Class.forName(mainClass, true, Runner.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "--job "
                            + parsed.job()
                            + ": this runner jar has no DSL ("
                            + mainClass
                            + " is missing); build the runner with flotilla-dsl, or run SQL with"
                            + " --sql");
        }
        Method entry = main.getMethod("main", String[].class);
        String[] dslArgs =
                java.util.stream.Stream.concat(
                                java.util.stream.Stream.of("--job", parsed.job()),
                                parsed.jobArgs().stream())
                        .toArray(String[]::new);
        try {
            entry.invoke(null, (Object) dslArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
