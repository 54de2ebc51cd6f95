package io.flotilla.dsl.table;

import io.flotilla.dsl.DslException;
import io.flotilla.dsl.StrictYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The catalog of declared tables, by name: from classes ({@link TableDeclaration}, found through
 * {@link ServiceLoader} or added one by one) and YAML files. Two tables of one name are refused.
 */
public final class Tables {

    private final Map<String, TableDef> byName;

    private Tables(Map<String, TableDef> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** An empty catalog builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The table called {@code name}, or an error listing the known ones. */
    public TableDef get(String name) {
        TableDef def = byName.get(name);
        if (def == null) {
            throw new DslException(
                    "unknown table '"
                            + name
                            + "': known tables are "
                            + new TreeSet<>(byName.keySet())
                            + "; declare it in a TableDeclaration class or a tables YAML file");
        }
        return def;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Collection<TableDef> all() {
        return byName.values();
    }

    /**
     * This catalog with {@code overrides} in place of same-named tables, as a local run re-declares
     * the orders table on datagen.
     */
    public Tables overriddenBy(Tables overrides) {
        Map<String, TableDef> merged = new LinkedHashMap<>(byName);
        merged.putAll(overrides.byName);
        return new Tables(merged);
    }

    /** Collects tables and refuses a second table with a name already taken. */
    public static final class Builder {
        private final Map<String, TableDef> byName = new LinkedHashMap<>();

        public Builder add(TableDef def) {
            TableDef before = byName.putIfAbsent(def.name(), def);
            if (before != null) {
                throw new DslException(
                        "table '"
                                + def.name()
                                + "' is declared twice: in "
                                + origin(before)
                                + " and in "
                                + origin(def)
                                + "; rename or remove one");
            }
            return this;
        }

        /** Every table of {@code tables}. */
        public Builder addAll(Tables tables) {
            tables.all().forEach(this::add);
            return this;
        }

        /** A table declared as a class with a public no-argument constructor. */
        public Builder add(Class<? extends TableDeclaration> type) {
            return add(instantiate(type));
        }

        /** Every {@link TableDeclaration} listed in META-INF/services on the class path. */
        public Builder addServiceLoaded(ClassLoader loader) {
            for (ServiceLoader.Provider<TableDeclaration> p :
                    ServiceLoader.load(TableDeclaration.class, loader).stream().toList()) {
                add(declared(p.get()));
            }
            return this;
        }

        /** The tables of one YAML file: one per document, documents separated by {@code ---}. */
        public Builder addYaml(String file, String text) {
            for (StrictYaml.Located<TableSpec> spec :
                    StrictYaml.readAll(file, text, TableSpec.class)) {
                add(spec.value().toDef(file + ":" + spec.line()));
            }
            return this;
        }

        public Builder addYaml(Path file) {
            try {
                return addYaml(file.toString(), Files.readString(file));
            } catch (IOException e) {
                throw new DslException(
                        "cannot read tables file " + file + ": " + e.getMessage(), e);
            }
        }

        /** Every {@code *.yaml} and {@code *.yml} file in {@code dir}, in name order. */
        public Builder addYamlDir(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new DslException(
                        "tables folder " + dir + " does not exist or is not a folder");
            }
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> yaml =
                        files.filter(
                                        f ->
                                                f.toString().endsWith(".yaml")
                                                        || f.toString().endsWith(".yml"))
                                .sorted()
                                .toList();
                yaml.forEach(this::addYaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Tables build() {
            return new Tables(byName);
        }

        private static TableDef instantiate(Class<? extends TableDeclaration> type) {
            try {
                return declared(type.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new DslException(
                        "table class "
                                + type.getName()
                                + " cannot be created: give it a public no-argument constructor",
                        e);
            }
        }

        private static TableDef declared(TableDeclaration declaration) {
            TableDef def = declaration.table();
            return def.origin() == null ? def.withOrigin(declaration.getClass().getName()) : def;
        }

        private static String origin(TableDef def) {
            return def.origin() == null ? "(unknown origin)" : def.origin();
        }
    }
}
