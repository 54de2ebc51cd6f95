package io.flotilla.dsl.lineage;

import io.flotilla.dsl.function.FunctionDef;
import io.flotilla.dsl.job.BuiltJob;
import io.flotilla.dsl.job.PlanText;
import io.flotilla.dsl.table.TableDef;
import io.flotilla.dsl.table.Tables;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.Table;

/**
 * Derives a job's lineage from its optimized plan: the tables its source scans and lookup joins
 * read and its sinks write, described from the catalog that declared them.
 */
public final class LineageExtractor {

    private static final String DEFAULT_PREFIX = "default_catalog.default_database.";
    private static final Pattern SCAN =
            Pattern.compile("TableSourceScan\\(table=\\[\\[(\\w+), (\\w+), (\\w+)[,\\]]");
    private static final Pattern LOOKUP = Pattern.compile("LookupJoin\\(table=\\[([\\w.]+)]");
    private static final Pattern SINK = Pattern.compile("Sink\\(table=\\[([\\w.]+)]");

    private LineageExtractor() {}

    /** The lineage of {@code job}, planned once more for the purpose. */
    public static Lineage of(BuiltJob job) {
        Set<String> reads = new LinkedHashSet<>();
        Set<String> writes = new LinkedHashSet<>();
        StringBuilder plans = new StringBuilder(physical(job.explain()));
        collect(plans.toString(), reads, writes);
        // Tables turned into DataStreams are planned apart from the statement set.
        for (Table streamed : job.streamedTables()) {
            String plan = physical(streamed.explain());
            plans.append('\n').append(plan);
            collect(plan, reads, new LinkedHashSet<>());
        }
        return new Lineage(
                job.name(),
                job.declaredBy(),
                refs(reads, job.tables()),
                refs(writes, job.tables()),
                functionsUsed(plans.toString(), job.functions()));
    }

    /** The declared functions that {@code plan} calls; a declared but unused one is left out. */
    static List<Lineage.FunctionRef> functionsUsed(String plan, List<FunctionDef> declared) {
        return declared.stream()
                .filter(
                        f ->
                                Pattern.compile("(?i)(?<![\\w$])" + Pattern.quote(f.name()) + "\\(")
                                        .matcher(plan)
                                        .find())
                .map(
                        f ->
                                new Lineage.FunctionRef(
                                        f.name(),
                                        f.kind().name().toLowerCase(java.util.Locale.ROOT),
                                        f.type().getName(),
                                        f.origin()))
                .toList();
    }

    /** Source and sink table names found in an optimized physical plan. */
    static void collect(String plan, Set<String> reads, Set<String> writes) {
        Matcher scan = SCAN.matcher(plan);
        while (scan.find()) {
            reads.add(scan.group(1) + "." + scan.group(2) + "." + scan.group(3));
        }
        Matcher lookup = LOOKUP.matcher(plan);
        while (lookup.find()) {
            reads.add(lookup.group(1));
        }
        Matcher sink = SINK.matcher(plan);
        while (sink.find()) {
            writes.add(sink.group(1));
        }
    }

    private static String physical(String explain) {
        return PlanText.section(explain, "== Optimized Physical Plan ==");
    }

    private static List<Lineage.TableRef> refs(Set<String> identifiers, Tables tables) {
        return identifiers.stream().map(id -> ref(id, tables)).toList();
    }

    private static Lineage.TableRef ref(String identifier, Tables tables) {
        String name =
                identifier.startsWith(DEFAULT_PREFIX)
                        ? identifier.substring(DEFAULT_PREFIX.length())
                        : identifier;
        if (!tables.contains(name)) {
            // A table the job created itself (e.g. with tableEnv().executeSql): named, not
            // described.
            return new Lineage.TableRef(identifier, null, null, null, null, null);
        }
        TableDef def = tables.get(name);
        return new Lineage.TableRef(
                def.name(),
                def.connector(),
                def.location(),
                def.format() == null ? null : def.format().name(),
                def.owner(),
                def.origin());
    }
}
