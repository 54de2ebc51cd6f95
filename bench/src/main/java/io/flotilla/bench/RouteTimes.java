package io.flotilla.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's time went: the count and mean time of each route from its {@code /metrics} (the
 * {@code flotilla.http.requests} timer every Flotilla HTTP API records), printed as a table.
 */
final class RouteTimes {

    private static final Pattern LINE =
            Pattern.compile("flotilla_http_requests_seconds_(count|sum)\\{(.*)\\} ([0-9.eE+-]+)");
    private static final Pattern TAG = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private RouteTimes() {}

    /** Prints the table of {@code service} at {@code base}, asked with {@code token}. */
    static void print(String service, URI base, String token) {
        print(service, base, token, LINE);
    }

    /**
     * As {@link #print(String, URI, String)}, for the timers whose lines {@code line} matches
     * (group 1 count or sum, group 2 the tags).
     */
    static void print(String service, URI base, String token, Pattern pattern) {
        String body;
        try {
            HttpResponse<String> r =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(base.resolve("/metrics"))
                                            .header("Authorization", "Bearer " + token)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            body = r.body();
        } catch (IOException e) {
            System.out.println(service + ": no metrics (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Map<String, double[]> routes = new TreeMap<>();
        for (String text : body.split("\n")) {
            Matcher m = pattern.matcher(text);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> tags = new TreeMap<>();
            Matcher t = TAG.matcher(m.group(2) == null ? "" : m.group(2));
            while (t.find()) {
                tags.put(t.group(1), t.group(2));
            }
            String key =
                    tags.containsKey("route")
                            ? tags.get("method") + " " + tags.get("route")
                            : m.group(0).substring(0, m.group(0).indexOf("_seconds"));
            double[] v = routes.computeIfAbsent(key, k -> new double[2]);
            v[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
        }
        System.out.println();
        System.out.println("| " + service + " route | calls | mean (ms) |");
        System.out.println("| --- | ---: | ---: |");
        routes.forEach(
                (route, v) ->
                        System.out.printf(
                                "| `%s` | %.0f | %.1f |%n",
                                route, v[0], v[0] == 0 ? 0 : v[1] * 1000 / v[0]));
    }
}
