package io.flotilla.dsl.function;

import io.flotilla.dsl.DslException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The catalog of declared functions, by name (SQL names are case-insensitive): from {@link
 * FunctionDeclaration} classes found through {@link ServiceLoader} and from jobs. Two functions of
 * one name are refused.
 */
public final class Functions {

    private final Map<String, FunctionDef> byName;

    private Functions(Map<String, FunctionDef> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No functions. */
    public static Functions none() {
        return builder().build();
    }

    public Collection<FunctionDef> all() {
        return byName.values();
    }

    /** Collects functions and refuses a second function with a name already taken. */
    public static final class Builder {
        private final Map<String, FunctionDef> byName = new LinkedHashMap<>();

        public Builder add(FunctionDef def) {
            FunctionDef before = byName.putIfAbsent(def.name().toLowerCase(Locale.ROOT), def);
            if (before != null) {
                throw new DslException(
                        "function '"
                                + def.name()
                                + "' is declared twice: in "
                                + before.origin()
                                + " and in "
                                + def.origin()
                                + "; rename or remove one");
            }
            return this;
        }

        public Builder addAll(Functions functions) {
            functions.all().forEach(this::add);
            return this;
        }

        /** Every {@link FunctionDeclaration} listed on {@code loader}'s class path. */
        public Builder addServiceLoaded(ClassLoader loader) {
            for (FunctionDeclaration d : ServiceLoader.load(FunctionDeclaration.class, loader)) {
                add(d.function());
            }
            return this;
        }

        public Functions build() {
            return new Functions(byName);
        }
    }
}
