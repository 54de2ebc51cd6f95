package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.CliFailure;
import io.flotilla.cli.output.Output;
import io.flotilla.supervisor.api.Lineage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * What deploy and release run: a job jar (entry class from its manifest) or a DSL job run by the
 * runner jar, whose lineage the DSL derives without a cluster.
 */
final class ArtifactOptions {

    static final String RUNNER_CLASS = "io.flotilla.runner.Runner";

    /** Exactly one of a jar or a DSL job. */
    static final class What {
        @Option(
                names = "--jar",
                paramLabel = "FILE",
                required = true,
                description = "The job jar to run (a DataStream or Table API job).")
        Path jar;

        @Option(
                names = "--job",
                paramLabel = "JOB",
                required = true,
                description =
                        "A DSL job the runner jar runs: a FlotillaJob class, classpath:jobs/x.yaml"
                                + " or a YAML file; its lineage is stored with the version.")
        String job;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(
            names = "--entry-class",
            paramLabel = "CLASS",
            description = "The job's main class; default: the jar manifest's Main-Class.")
    String entryClass;

    @Option(
            names = "--module",
            paramLabel = "MODULE",
            description =
                    "Folder of the artifact in the store and the module shown on the job page;"
                            + " default: the deployment's, else jobs/<deployment> (runner for"
                            + " --job).")
    String module;

    @Option(
            names = "--runner-jar",
            paramLabel = "FILE",
            description = "The runner jar for --job; default: the one bin/flotilla built.")
    Path runnerJar;

    /** The artifact ready to deploy: published, with its entry class and arguments. */
    record Artifact(
            String uri, String sha256, String entryClass, List<String> args, Lineage lineage) {}

    /** Checks the input before anything is published, so nothing is half-done. */
    Path jarToPublish(Cli cli) {
        Path jar = what.jar != null ? what.jar : runner(cli);
        if (!Files.isRegularFile(jar)) {
            throw CliFailure.badInput(
                    (what.jar != null ? "--jar " : "--runner-jar ")
                            + jar
                            + " is not a file: build it first (mvn package)");
        }
        return jar;
    }

    String entryClass(Path jar) {
        if (what.job != null) {
            return RUNNER_CLASS;
        }
        if (entryClass != null) {
            return entryClass;
        }
        try (JarFile f = new JarFile(jar.toFile())) {
            String main =
                    f.getManifest() == null
                            ? null
                            : f.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null || main.isBlank()) {
                throw CliFailure.badInput(
                        "--jar "
                                + jar
                                + " has no Main-Class in its manifest: pass --entry-class"
                                + " your.job.Main");
            }
            return main.strip();
        } catch (IOException e) {
            throw CliFailure.badInput("--jar " + jar + " is not a jar: " + e.getMessage());
        }
    }

    List<String> args(List<String> jobArgs) {
        List<String> out = new ArrayList<>();
        if (what.job != null) {
            out.add("--job");
            out.add(what.job);
        }
        out.addAll(jobArgs);
        return out;
    }

    String module(String deployment, String existing) {
        if (module != null) {
            return module;
        }
        if (existing != null && !existing.isBlank()) {
            return existing;
        }
        return what.job != null ? "runner" : "jobs/" + deployment;
    }

    /** The DSL's lineage of the job, from {@code bin/flotilla validate}; null for a jar. */
    Lineage lineage(Cli cli, List<String> jobArgs) {
        if (what.job == null) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(cli.root().resolve("bin/flotilla").toString()));
        cmd.add("validate");
        cmd.add(what.job);
        cmd.addAll(jobArgs);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw CliFailure.badInput(
                        "--job "
                                + what.job
                                + " is not valid (flotilla validate): "
                                + output.strip());
            }
            int at = output.indexOf("\n{");
            String json =
                    output.startsWith("{") ? output : at < 0 ? null : output.substring(at + 1);
            if (json == null) {
                throw CliFailure.failed("flotilla validate printed no lineage: " + output.strip());
            }
            return Output.JSON.readValue(json, Lineage.class);
        } catch (IOException e) {
            throw CliFailure.failed("cannot run flotilla validate: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.failed("interrupted");
        }
    }

    private Path runner(Cli cli) {
        if (runnerJar != null) {
            return runnerJar;
        }
        String p = cli.property(Cli.RUNNER_JAR_PROPERTY);
        if (p == null) {
            throw CliFailure.badInput(
                    "--job needs the runner jar: pass --runner-jar FILE or run through"
                            + " bin/flotilla");
        }
        return Path.of(p);
    }
}
