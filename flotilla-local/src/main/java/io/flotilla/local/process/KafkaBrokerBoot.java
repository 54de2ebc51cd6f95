package io.flotilla.local.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Main class of the Kafka broker JVM: formats the log folder for KRaft (as {@code kafka-storage
 * format} does), then runs the broker. Kafka is reached by reflection because it is only on the
 * broker's own classpath, never on the platform's.
 */
public final class KafkaBrokerBoot {

    private KafkaBrokerBoot() {}

    /** Arguments: the server properties file and the cluster id. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: KafkaBrokerBoot <server.properties> <cluster-id>, got "
                            + Arrays.toString(args));
        }
        String properties = args[0];
        String clusterId = args[1];
        Method format =
                Class.forName("kafka.tools.StorageTool")
                        .getMethod("execute", String[].class, java.io.PrintStream.class);
        // --ignore-formatted: a run folder kept from an earlier start keeps its topics and data.
        int code =
                (int)
                        invoke(
                                format,
                                (Object)
                                        new String[] {
                                            "format",
                                            "--config",
                                            properties,
                                            "--cluster-id",
                                            clusterId,
                                            "--ignore-formatted"
                                        },
                                System.out);
        if (code != 0) {
            System.err.println("flotilla: formatting the Kafka log folder failed, code " + code);
            System.exit(code);
        }
        invoke(
                Class.forName("kafka.Kafka").getMethod("main", String[].class),
                (Object) new String[] {properties});
    }

    private static Object invoke(Method method, Object... args) throws Exception {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
