package io.flotilla.dsl.upgrade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Command line: prints what state an upgrade from one compiled plan file to another loses. */
public final class UpgradeCheck {

    private UpgradeCheck() {}

    /**
     * Arguments: {@code OLD_PLAN.json NEW_PLAN.json}; exit 0 when all state is kept, 1 if not, 2 on
     * bad input.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println(
                    "usage: UpgradeCheck OLD_PLAN.json NEW_PLAN.json (each the output of"
                            + " CompiledPlan.asJsonString())");
            return 2;
        }
        try {
            List<UpgradeWarning> warnings = StateCompatibility.check(read(args[0]), read(args[1]));
            if (warnings.isEmpty()) {
                out.println("compatible: every stateful operator keeps its state");
                return 0;
            }
            out.println("incompatible: " + warnings.size() + " warning(s)");
            warnings.forEach(w -> out.println("warning: " + w.message()));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    "plan file " + file + " does not exist: pass the path of a compiled plan JSON");
        } catch (IOException e) {
            throw new IllegalArgumentException("plan file " + file + " cannot be read: " + e);
        }
    }
}
