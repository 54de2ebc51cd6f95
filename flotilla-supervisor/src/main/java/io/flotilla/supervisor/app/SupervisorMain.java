package io.flotilla.supervisor.app;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java io.flotilla.supervisor.app.SupervisorMain --jdbc-url ... --tokens-file ...}. */
public final class SupervisorMain {

    private SupervisorMain() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> list = Arrays.asList(args);
        if (list.contains("--help")) {
            System.out.println(
                    "Usage: SupervisorMain [options]; each option is also FLOTILLA_SUPERVISOR_<NAME>\n");
            System.out.print(SupervisorSettings.markdownTable());
            return;
        }
        SupervisorSettings settings;
        try {
            settings = SupervisorSettings.parse(list, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("flotilla supervisor: " + e.getMessage());
            System.exit(2);
            return;
        }
        SupervisorServer server = SupervisorServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                }));
        stopped.await();
    }
}
