package io.flotilla.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The job modules bundled with the runner plan through {@code Runner --job} with the real DSL: the
 * Java and the YAML orders jobs, found by class name and on the class path.
 */
class RunnerBundledJobsTest {

    @Test
    void javaOrdersJobPlansThroughTheRunner() throws Exception {
        String plan = planOf("io.flotilla.examples.orders.dsl.OrdersDslJob");
        assertThat(plan).contains("order_stats").contains("LOWER(name)");
    }

    @Test
    void yamlOrdersJobPlansThroughTheRunner() throws Exception {
        String plan = planOf("classpath:jobs/orders.yaml");
        assertThat(plan).contains("order_stats").contains("LOWER(name)");
    }

    private static String planOf(String job) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // JobMain prints to System.out, as it does in the JobManager.
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Runner.main(
                    new String[] {
                        "--job",
                        job,
                        "--plan",
                        "--window-seconds",
                        "5",
                        "--kafka-bootstrap-servers",
                        "127.0.0.1:9"
                    });
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
