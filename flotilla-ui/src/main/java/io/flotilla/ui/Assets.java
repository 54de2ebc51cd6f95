package io.flotilla.ui;

import io.flotilla.ui.PageHandler.PageResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The UI's static files: its own CSS from this jar and htmx from its WebJar, cached a day. */
final class Assets {

    private static final Map<String, String> FILES =
            Map.of(
                    "flotilla.css", "/io/flotilla/ui/flotilla.css",
                    "htmx.min.js", "/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    PageResponse serve(String name) {
        String resource = FILES.get(name);
        if (resource == null) {
            return new PageResponse(
                    404,
                    "text/plain; charset=utf-8",
                    List.of(),
                    "no such asset".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = cache.computeIfAbsent(resource, Assets::read);
        String type =
                name.endsWith(".css")
                        ? "text/css; charset=utf-8"
                        : "text/javascript; charset=utf-8";
        return new PageResponse(
                200, type, List.of(Map.entry("Cache-Control", "max-age=86400")), bytes);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
