package io.flotilla.sidecar;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** Runs one sidecar from {@code --name value} options and FLOTILLA_SIDECAR_* variables. */
public final class SidecarMain {

    private SidecarMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("help"))) {
            System.out.println(
                    "usage: flotilla-sidecar [--option value ...]\n\n"
                            + SidecarSettings.markdownTable());
            return;
        }
        Sidecar sidecar;
        try {
            sidecar = Sidecar.start(SidecarSettings.parse(Arrays.asList(args), System.getenv()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("flotilla-sidecar: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("flotilla-sidecar: " + sidecar.cluster() + " at " + sidecar.uri());
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    sidecar.close();
                                    done.countDown();
                                }));
        done.await();
    }
}
