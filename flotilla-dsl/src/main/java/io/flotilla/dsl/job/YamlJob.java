package io.flotilla.dsl.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.dsl.DslException;
import io.flotilla.dsl.LocatedText;
import io.flotilla.dsl.StrictYaml;
import io.flotilla.dsl.function.FunctionDef;
import io.flotilla.dsl.table.TableDef;
import io.flotilla.dsl.table.TableSpec;
import io.flotilla.dsl.table.Tables;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.SqlParserException;
import org.apache.flink.table.api.TableException;
import org.apache.flink.table.api.ValidationException;

/**
 * A job declared in YAML: tables it uses or declares, config defaults, and SQL statements (views
 * and INSERTs) run through the same {@link JobContext} as a Java job.
 */
public final class YamlJob implements FlotillaJob {

    /** The YAML form of a job. */
    public record Spec(
            @JsonProperty(value = "name") String name,
            @JsonProperty("tables") List<LocatedText> tables,
            @JsonProperty("declare") List<TableSpec> declare,
            @JsonProperty("functions") List<FunctionSpec> functions,
            @JsonProperty("config") Map<String, String> config,
            @JsonProperty(value = "statements") List<Statement> statements) {}

    /** A Java function the job's SQL calls: {@code {name: normalize, class: com.x.Normalize}}. */
    public record FunctionSpec(
            @JsonProperty(value = "name") LocatedText name,
            @JsonProperty(value = "class") LocatedText className) {}

    /** A temporary view ({@code view} + {@code sql}) or an INSERT ({@code sql} alone). */
    public record Statement(
            @JsonProperty("view") String view, @JsonProperty(value = "sql") LocatedText sql) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern INVALID_CALL =
            Pattern.compile("Invalid function call: ([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Pattern SQL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final String file;
    private final Spec spec;

    private YamlJob(String file, Spec spec) {
        this.file = file;
        this.spec = spec;
    }

    /** Parses a job file strictly; errors carry the file, line and column. */
    public static YamlJob parse(String file, String text) {
        Spec spec = StrictYaml.readOne(file, text, Spec.class);
        if (spec.name() == null) {
            throw new DslException(file + ": the job needs a name: add 'name: my-job'");
        }
        if (spec.statements() == null || spec.statements().isEmpty()) {
            throw new DslException(file + ": job '" + spec.name() + "' has no statements");
        }
        return new YamlJob(file, spec);
    }

    @Override
    public String name() {
        return spec.name();
    }

    public String file() {
        return file;
    }

    List<TableDef> declaredTables() {
        return spec.declare() == null
                ? List.of()
                : spec.declare().stream().map(t -> t.toDef(file + " (declare)")).toList();
    }

    Map<String, String> configDefaults() {
        return spec.config() == null ? Map.of() : spec.config();
    }

    /** Every table listed under {@code tables:} must be declared somewhere. */
    void requireTables(Tables tables) {
        if (spec.tables() == null) {
            return;
        }
        for (LocatedText t : spec.tables()) {
            if (!tables.contains(t.text())) {
                try {
                    tables.get(t.text());
                } catch (DslException e) {
                    throw new DslException(
                            file + ":" + t.line() + ":" + t.column() + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void build(JobContext ctx) {
        declareFunctions(ctx);
        List<Statement> statements = spec.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            LocatedText sql = s.sql();
            if (sql == null) {
                throw new DslException(
                        file + ": statement " + (i + 1) + " of job '" + name() + "' has no sql");
            }
            String label = "statement " + (i + 1) + " (" + file + ":" + sql.line() + ")";
            String text = substitute(sql, ctx.config(), label);
            try {
                if (s.view() != null) {
                    ctx.view(s.view(), ctx.sql(text));
                } else if (text.strip().toUpperCase().startsWith("INSERT")) {
                    ctx.insertSql(label, text);
                } else {
                    throw new DslException(
                            "job '"
                                    + name()
                                    + "' ("
                                    + file
                                    + "), "
                                    + label
                                    + ": a statement without 'view:' must be an INSERT INTO ...;"
                                    + " give a SELECT a view name");
                }
            } catch (ValidationException | TableException | SqlParserException e) {
                String causes = Errors.causes(e);
                Matcher m = SQL_POSITION.matcher(causes);
                String position =
                        m.find()
                                ? sql.position(
                                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                                : callPosition(sql, causes);
                String at = position == null ? "" : " at " + file + ":" + position;
                throw new DslException(
                        "job '" + name() + "' (" + file + "), " + label + at + ": " + causes, e);
            }
        }
    }

    private void declareFunctions(JobContext ctx) {
        if (spec.functions() == null) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (FunctionSpec f : spec.functions()) {
            if (f.name() == null || f.className() == null) {
                throw new DslException(
                        file
                                + ": a function needs a name and a class:"
                                + " {name: normalize, class: com.example.Normalize}");
            }
            LocatedText at = f.className();
            ctx.function(
                    FunctionDef.byClassName(
                            f.name().text(),
                            at.text(),
                            loader == null ? YamlJob.class.getClassLoader() : loader,
                            file + ":" + at.line() + ":" + at.column()));
        }
    }

    /**
     * Flink gives no position for a call whose arguments fit no signature: the file position of the
     * first call of that function in the statement, or null.
     */
    private static String callPosition(LocatedText sql, String causes) {
        Matcher call = INVALID_CALL.matcher(causes);
        if (!call.find()) {
            return null;
        }
        Matcher in =
                Pattern.compile("(?i)(?<![\\w$`])" + Pattern.quote(call.group(1)) + "\\s*\\(")
                        .matcher(sql.text());
        if (!in.find()) {
            return null;
        }
        String before = sql.text().substring(0, in.start());
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = in.start() - (before.lastIndexOf('\n') + 1) + 1;
        return sql.position(line, column);
    }

    private static String substitute(LocatedText sql, JobConfig config, String label) {
        Matcher m = PLACEHOLDER.matcher(sql.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = config.values().get(m.group(1));
            if (value == null) {
                throw new DslException(
                        label
                                + ": placeholder ${"
                                + m.group(1)
                                + "} has no value: add it under"
                                + " config: or pass --"
                                + m.group(1)
                                + " VALUE; known: "
                                + config.values().keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
