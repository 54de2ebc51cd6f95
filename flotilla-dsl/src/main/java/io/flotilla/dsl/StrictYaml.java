package io.flotilla.dsl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads YAML strictly into records: unknown keys, duplicate keys, missing values and syntax errors
 * fail with the file, line and column.
 */
public final class StrictYaml {

    /** The source lines of the document being read, for deserializers that report positions. */
    public static final String SOURCE_LINES = "flotilla.source-lines";

    /** A value read from the document together with where it starts. */
    public record Located<T>(T value, int line, int column) {}

    private static final ObjectMapper MAPPER =
            new ObjectMapper(new YAMLFactory())
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StrictYaml() {}

    /**
     * Every document of {@code text} (separated by {@code ---}) as a {@code type}, with its line.
     */
    public static <T> List<Located<T>> readAll(String file, String text, Class<T> type) {
        ObjectReader reader =
                MAPPER.readerFor(type).withAttribute(SOURCE_LINES, text.lines().toList());
        List<Located<T>> out = new ArrayList<>();
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new DslException(
                            file
                                    + ":"
                                    + at.getLineNr()
                                    + ":"
                                    + at.getColumnNr()
                                    + ": expected a mapping of keys (name: ..., ...), found "
                                    + p.getText());
                }
                // The first key's line: a document after "---" starts on that marker's line.
                p.nextToken();
                JsonLocation at = p.currentTokenLocation();
                T value = reader.readValue(p);
                out.add(new Located<>(value, at.getLineNr(), at.getColumnNr()));
            }
        } catch (UnrecognizedPropertyException e) {
            throw error(file, e, keyLine(text, e.getPropertyName(), e.getLocation()));
        } catch (JsonProcessingException e) {
            throw error(file, e, null);
        } catch (IOException e) {
            throw new DslException(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /** The single document of {@code text} as a {@code type}. */
    public static <T> T readOne(String file, String text, Class<T> type) {
        List<Located<T>> all = readAll(file, text, type);
        if (all.size() != 1) {
            throw new DslException(file + ": expected one YAML document, found " + all.size());
        }
        return all.get(0).value();
    }

    /** A Jackson error as a one-line message with file, line, column and the fix. */
    public static DslException error(String file, JsonProcessingException e, String position) {
        JsonLocation at = e.getLocation();
        String where =
                file
                        + (position != null
                                ? ":" + position
                                : at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr());
        if (e instanceof UnrecognizedPropertyException u) {
            String known =
                    u.getKnownPropertyIds() == null
                            ? ""
                            : u.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", "));
            return new DslException(
                    where
                            + ": unknown key '"
                            + u.getPropertyName()
                            + "': known keys here are "
                            + known,
                    e);
        }
        String message = e.getOriginalMessage();
        if (message != null && message.contains("Duplicate field")) {
            return new DslException(where + ": " + message + ": remove one of the two", e);
        }
        return new DslException(where + ": " + firstLine(message), e);
    }

    /**
     * Where an unknown key is written: records are read through their constructor, so Jackson only
     * notices the key at the end of its mapping; the last such key before that point is the one.
     */
    private static String keyLine(String text, String key, JsonLocation end) {
        List<String> lines = text.lines().toList();
        int last = end == null ? lines.size() : Math.min(end.getLineNr(), lines.size());
        Pattern p = Pattern.compile("^(\\s*(?:- )?\\{?\\s*)" + Pattern.quote(key) + "\\s*:");
        for (int i = last - 1; i >= 0; i--) {
            Matcher m = p.matcher(lines.get(i));
            if (m.find()) {
                return (i + 1) + ":" + (m.group(1).length() + 1);
            }
            int inline = lines.get(i).indexOf(key + ":");
            if (inline >= 0) {
                return (i + 1) + ":" + (inline + 1);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0
                ? message
                : message.substring(0, nl)
                        + " "
                        + message.substring(nl + 1).strip().replace('\n', ' ');
    }
}
