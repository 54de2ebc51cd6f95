package io.flotilla.dsl.function;

/**
 * A function declared once as a class, listed in {@code
 * META-INF/services/io.flotilla.dsl.function.FunctionDeclaration} of the job jar or a shared
 * functions jar, so every job on the class path can call it.
 */
public interface FunctionDeclaration {

    /**
     * The function, e.g. {@code FunctionDef.of("normalize", Normalize.class,
     * getClass().getName())}.
     */
    FunctionDef function();
}
