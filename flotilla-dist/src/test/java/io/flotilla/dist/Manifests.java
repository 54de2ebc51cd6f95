package io.flotilla.dist;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the repository's Kubernetes manifests into fabric8's typed model, strictly: the model keeps
 * unknown fields in {@code additionalProperties} instead of failing, so every such field found
 * anywhere in the object graph is reported as an error with its path.
 */
final class Manifests {

    static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Map<String, Class<? extends HasMetadata>> KINDS =
            Map.of(
                    "v1/Namespace", Namespace.class,
                    "v1/Service", Service.class,
                    "v1/Secret", Secret.class,
                    "apps/v1/Deployment", Deployment.class,
                    "flink.apache.org/v1beta1/FlinkDeployment", GenericKubernetesResource.class);

    private Manifests() {}

    /** The repository root: the folder above this module's. */
    static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("deploy")) ? here : here.getParent();
        if (!Files.isDirectory(root.resolve("deploy/kubernetes"))) {
            throw new IllegalStateException("no deploy/kubernetes above " + here);
        }
        return root;
    }

    /** Every manifest file under {@code dir}, except Kustomize's own file. */
    static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of the file, each as the typed class its apiVersion and kind name. */
    static List<HasMetadata> read(Path file) throws IOException {
        List<HasMetadata> out = new ArrayList<>();
        List<JsonNode> docs =
                YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll();
        for (JsonNode node : docs) {
            String key = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
            Class<? extends HasMetadata> type = KINDS.get(key);
            if (type == null) {
                throw new IllegalArgumentException(
                        file + ": kind " + key + " is not one the manifests test knows " + KINDS);
            }
            out.add(YAML.treeToValue(node, type));
        }
        return out;
    }

    /** Paths of fields the typed model did not know, e.g. {@code spec.template.spec.contaners}. */
    static List<String> unknownFields(Object root, String path) {
        List<String> out = new ArrayList<>();
        walk(root, path, out);
        return out;
    }

    private static void walk(Object value, String path, List<String> out) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, out));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class
                    || !m.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = m.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String field = path + "." + decapitalize(m.getName().substring(3));
            if (m.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> out.add(path + "." + k));
                }
            } else {
                walk(child, field, out);
            }
        }
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
