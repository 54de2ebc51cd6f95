package io.flotilla.cli.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.cli.CliFailure;
import io.flotilla.http.Json;
import java.io.PrintStream;

/**
 * Where a command's answer goes: text (tables, progress lines) or one JSON document on stdout, in
 * which case progress lines go to stderr so scripts can read stdout alone.
 */
public final class Output {

    /** The CLI's JSON: the API's (ISO times), lenient on fields it does not know. */
    public static final ObjectMapper JSON =
            Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The two output formats. */
    public enum Format {
        TEXT,
        JSON
    }

    private final Format format;
    private final PrintStream out;
    private final PrintStream err;
    private final long start = System.nanoTime();

    public Output(Format format, PrintStream out, PrintStream err) {
        this.format = format;
        this.out = out;
        this.err = err;
    }

    public static Format format(String raw) {
        return switch (raw.trim().toLowerCase()) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            default ->
                    throw CliFailure.badInput("--output must be text or json, got '" + raw + "'");
        };
    }

    public boolean json() {
        return format == Format.JSON;
    }

    /** A line of text output; nothing in JSON mode. */
    public void line(String text) {
        if (!json()) {
            out.println(text);
        }
    }

    /** The command's JSON document, in JSON mode only. */
    public void document(Object value) {
        if (json()) {
            try {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Text in text mode, else the JSON document. */
    public void either(String text, Object value) {
        if (json()) {
            document(value);
        } else {
            out.print(text);
            out.flush();
        }
    }

    /** A timestamped progress line of a long operation. */
    public void progress(String message) {
        PrintStream to = json() ? err : out;
        to.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
        to.flush();
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }
}
