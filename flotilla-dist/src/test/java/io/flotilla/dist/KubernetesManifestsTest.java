package io.flotilla.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.flotilla.common.Setting;
import io.flotilla.sidecar.SidecarSettings;
import io.flotilla.supervisor.app.SupervisorSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manifests under deploy/kubernetes parse into the typed model and are wired together. */
class KubernetesManifestsTest {

    private static final Path ROOT = Manifests.repository();
    private static final Path DIR = ROOT.resolve("deploy/kubernetes");
    private static final Set<String> FLINK_DEPLOYMENT_SPEC =
            Set.of(
                    "image",
                    "imagePullPolicy",
                    "serviceAccount",
                    "flinkVersion",
                    "ingress",
                    "podTemplate",
                    "jobManager",
                    "taskManager",
                    "logConfiguration",
                    "mode",
                    "flinkConfiguration",
                    "job",
                    "restartNonce");
    private static final Set<String> FLINK_COMPONENT_SPEC =
            Set.of("replicas", "resource", "podTemplate");

    private static final Map<Path, List<HasMetadata>> ALL = new LinkedHashMap<>();
    private static String productionGuide;

    @BeforeAll
    static void readAll() throws IOException {
        for (Path file : Manifests.files(DIR)) {
            ALL.put(file, Manifests.read(file));
        }
        productionGuide = Files.readString(ROOT.resolve("docs/production.md"));
    }

    @Test
    void everyManifestParsesStrictlyIntoTheTypedModel() {
        assertThat(ALL).isNotEmpty();
        for (var e : ALL.entrySet()) {
            for (HasMetadata r : e.getValue()) {
                if (r instanceof GenericKubernetesResource) {
                    continue; // the custom resource: checked field by field below
                }
                assertThat(Manifests.unknownFields(r, DIR.relativize(e.getKey()).toString()))
                        .as("fields the Kubernetes model does not know")
                        .isEmpty();
            }
        }
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        JsonNode k = Manifests.YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        k.path("resources").forEach(n -> listed.add(n.asText()));
        List<String> files =
                Manifests.files(DIR).stream()
                        .map(p -> DIR.relativize(p).toString())
                        .filter(p -> !p.contains("example"))
                        .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
        assertThat(k.path("namespace").asText()).isEqualTo("flotilla");
    }

    @Test
    void supervisorRunsTwoReplicasOnPostgresFromASecretWithProbesAndMetrics() {
        Deployment d = one(Deployment.class, "flotilla-supervisor");
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = env(c, "FLOTILLA_SUPERVISOR", SupervisorSettings.ALL);
        int port = Integer.parseInt(env.get("FLOTILLA_SUPERVISOR_PORT").getValue());
        assertThat(c.getPorts()).anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(port));
        assertThat(env.get("FLOTILLA_SUPERVISOR_BIND").getValue()).isEqualTo("0.0.0.0");
        secretRef(env.get("FLOTILLA_SUPERVISOR_JDBC_URL"));
        secretRef(env.get("FLOTILLA_SUPERVISOR_JDBC_PASSWORD"));
        assertThat(
                        env.get("FLOTILLA_SUPERVISOR_HOLDER")
                                .getValueFrom()
                                .getFieldRef()
                                .getFieldPath())
                .isEqualTo("metadata.name");

        String tokensFile = env.get("FLOTILLA_SUPERVISOR_TOKENS_FILE").getValue();
        VolumeMount tokens = mountHolding(c, tokensFile);
        Volume volume = volume(d.getSpec().getTemplate().getSpec().getVolumes(), tokens.getName());
        assertThat(volume.getSecret()).as("the tokens file comes from a Secret").isNotNull();
        documentedSecret(volume.getSecret().getSecretName(), Path.of(tokensFile).getFileName());

        for (Probe probe : List.of(c.getReadinessProbe(), c.getLivenessProbe())) {
            String command = String.join(" ", probe.getExec().getCommand());
            assertThat(command).contains("http://127.0.0.1:" + port + "/health");
            String tokenFile = command.replaceAll(".*\\$\\(cat ([^)]+)\\).*", "$1");
            assertThat(mountHolding(c, tokenFile).getName()).isEqualTo(tokens.getName());
            documentedSecret(volume.getSecret().getSecretName(), Path.of(tokenFile).getFileName());
        }

        Map<String, String> annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(port))
                .containsEntry("prometheus.io/path", "/metrics");

        Service s = one(Service.class, "flotilla-supervisor");
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(s.getSpec().getSelector());
        assertThat(s.getSpec().getPorts().get(0).getTargetPort().getStrVal())
                .isIn(c.getPorts().stream().map(p -> p.getName()).toList());
        assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                .isTrue();
    }

    @Test
    void flinkSessionClustersCarryTheSidecarInTheJobManagerPod() {
        List<GenericKubernetesResource> clusters = all(GenericKubernetesResource.class);
        assertThat(clusters).isNotEmpty();
        Deployment supervisor = one(Deployment.class, "flotilla-supervisor");
        Container supervisorContainer =
                supervisor.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (GenericKubernetesResource fd : clusters) {
            String cluster = fd.getMetadata().getName();
            JsonNode spec = Manifests.YAML.valueToTree(fd.getAdditionalProperties().get("spec"));
            assertThat(fieldNames(spec)).isSubsetOf(FLINK_DEPLOYMENT_SPEC);
            assertThat(spec.has("job")).as(cluster + " is a session cluster: no job").isFalse();
            JsonNode conf = spec.path("flinkConfiguration");
            String restPort = conf.path("rest.port").asText("8081");

            Pod jm = pod(spec.path("jobManager"), cluster + ".spec.jobManager.podTemplate");
            Pod tm = pod(spec.path("taskManager"), cluster + ".spec.taskManager.podTemplate");
            assertThat(names(tm)).containsExactly("flink-main-container");
            assertThat(names(jm)).containsExactly("flink-main-container", "flotilla-sidecar");
            for (Pod p : List.of(jm, tm)) {
                Map<String, EnvVar> flinkEnv = envOf(p.getSpec().getContainers().get(0));
                secretRef(flinkEnv.get("AWS_ACCESS_KEY_ID"));
                secretRef(flinkEnv.get("AWS_SECRET_ACCESS_KEY"));
            }

            Container sidecar = jm.getSpec().getContainers().get(1);
            Map<String, EnvVar> env = env(sidecar, "FLOTILLA_SIDECAR", SidecarSettings.ALL);
            assertThat(env.get("FLOTILLA_SIDECAR_CLUSTER").getValue()).isEqualTo(cluster);
            URI flink = URI.create(env.get("FLOTILLA_SIDECAR_FLINK_REST_URL").getValue());
            assertThat(flink.getHost()).as("same pod, same network").isEqualTo("localhost");
            assertThat(String.valueOf(flink.getPort())).isEqualTo(restPort);
            assertThat(jm.getSpec().getHostNetwork()).isNotEqualTo(Boolean.TRUE);

            String stateUri = env.get("FLOTILLA_SIDECAR_STATE_URI").getValue();
            assertThat(conf.path("execution.checkpointing.dir").asText())
                    .isEqualTo(stateUri + "/checkpoints");
            assertThat(conf.path("execution.checkpointing.savepoint-dir").asText())
                    .isEqualTo(stateUri + "/savepoints");
            secretRef(env.get("FLOTILLA_SIDECAR_S3_ACCESS_KEY"));
            secretRef(env.get("FLOTILLA_SIDECAR_S3_SECRET_KEY"));

            // The token: the sidecar's secret key is the cluster's name, and the supervisor
            // mounts the same Secret, so its tokenRef is file:<mount>/<cluster>.
            SecretKeySelector token = secretRef(env.get("FLOTILLA_SIDECAR_TOKEN"));
            assertThat(token.getKey()).isEqualTo(cluster);
            Volume tokens =
                    supervisor.getSpec().getTemplate().getSpec().getVolumes().stream()
                            .filter(
                                    v ->
                                            v.getSecret() != null
                                                    && v.getSecret()
                                                            .getSecretName()
                                                            .equals(token.getName()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "the supervisor mounts no Secret "
                                                            + token.getName()));
            String mount =
                    supervisorContainer.getVolumeMounts().stream()
                            .filter(m -> m.getName().equals(tokens.getName()))
                            .findFirst()
                            .orElseThrow()
                            .getMountPath();
            assertThat(productionGuide).contains("file:" + mount + "/<cluster>");

            int port = Integer.parseInt(env.get("FLOTILLA_SIDECAR_PORT").getValue());
            assertThat(env.get("FLOTILLA_SIDECAR_BIND").getValue()).isEqualTo("0.0.0.0");
            var containerPort =
                    sidecar.getPorts().stream()
                            .filter(p -> p.getContainerPort() == port)
                            .findFirst()
                            .orElseThrow();
            for (Probe probe : List.of(sidecar.getReadinessProbe(), sidecar.getLivenessProbe())) {
                assertThat(String.join(" ", probe.getExec().getCommand()))
                        .contains("http://127.0.0.1:" + port + "/health")
                        .contains("$FLOTILLA_SIDECAR_TOKEN");
            }
            assertThat(sidecar.getSecurityContext().getRunAsNonRoot()).isTrue();

            Service s = one(Service.class, cluster + "-sidecar");
            assertThat(s.getSpec().getSelector())
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("app", cluster, "component", "jobmanager"));
            assertThat(s.getSpec().getPorts().get(0).getTargetPort().getStrVal())
                    .isEqualTo(containerPort.getName());
            int servicePort = s.getSpec().getPorts().get(0).getPort();
            assertThat(productionGuide)
                    .contains("http://<cluster>-sidecar.<namespace>.svc:" + servicePort);
        }
    }

    @Test
    void everySecretReferencedIsDocumentedWithItsKeys() {
        Map<String, Set<String>> refs = new LinkedHashMap<>();
        for (List<HasMetadata> docs : ALL.values()) {
            for (HasMetadata r : docs) {
                for (Container c : containers(r)) {
                    for (EnvVar e : c.getEnv()) {
                        if (e.getValueFrom() != null
                                && e.getValueFrom().getSecretKeyRef() != null) {
                            SecretKeySelector s = e.getValueFrom().getSecretKeyRef();
                            refs.computeIfAbsent(s.getName(), n -> new java.util.TreeSet<>())
                                    .add(s.getKey());
                        }
                    }
                }
            }
        }
        assertThat(refs)
                .containsKeys("flotilla-postgres", "flotilla-s3", "flotilla-sidecar-tokens");
        refs.forEach((name, keys) -> keys.forEach(key -> documentedSecret(name, Path.of(key))));
    }

    private static void documentedSecret(String name, Path key) {
        Matcher command =
                Pattern.compile("kubectl (-n \\S+ )?create secret generic " + name + " ")
                        .matcher(productionGuide);
        assertThat(command.find())
                .as("docs/production.md shows how to create Secret " + name)
                .isTrue();
        int end = productionGuide.indexOf("```", command.end());
        String block = productionGuide.substring(command.start(), end);
        assertThat(block)
                .as("docs/production.md's Secret " + name + " has key " + key)
                .containsPattern("--from-(literal|file)=" + key + "=");
    }

    private static List<Container> containers(HasMetadata r) {
        if (r instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec().getContainers();
        }
        if (r instanceof GenericKubernetesResource fd) {
            JsonNode spec = Manifests.YAML.valueToTree(fd.getAdditionalProperties().get("spec"));
            List<Container> out = new ArrayList<>();
            for (String component : List.of("jobManager", "taskManager")) {
                out.addAll(pod(spec.path(component), component).getSpec().getContainers());
            }
            return out;
        }
        return List.of();
    }

    /** A component's podTemplate as the typed Pod the operator takes, strictly. */
    private static Pod pod(JsonNode component, String path) {
        assertThat(fieldNames(component)).isSubsetOf(FLINK_COMPONENT_SPEC);
        try {
            Pod pod = Manifests.YAML.treeToValue(component.path("podTemplate"), Pod.class);
            assertThat(Manifests.unknownFields(pod, path)).isEmpty();
            return pod;
        } catch (IOException e) {
            throw new AssertionError(path + " is not a Pod: " + e.getMessage(), e);
        }
    }

    /** The container's variables; every FLOTILLA_&lt;PREFIX&gt;_* one names a declared setting. */
    private static Map<String, EnvVar> env(Container c, String prefix, List<Setting<?>> declared) {
        Set<String> known =
                declared.stream()
                        .map(s -> s.environmentVariable(prefix))
                        .collect(Collectors.toSet());
        Map<String, EnvVar> env = envOf(c);
        assertThat(env.keySet().stream().filter(n -> n.startsWith(prefix + "_")))
                .as("variables of " + c.getName() + " that name a setting")
                .allMatch(known::contains);
        return env;
    }

    private static Map<String, EnvVar> envOf(Container c) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        c.getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    private static SecretKeySelector secretRef(EnvVar e) {
        assertThat(e).as("variable is set").isNotNull();
        assertThat(e.getValue()).as(e.getName() + " has no literal value").isNull();
        SecretKeySelector s = e.getValueFrom().getSecretKeyRef();
        assertThat(s).as(e.getName() + " comes from a Secret").isNotNull();
        return s;
    }

    private static VolumeMount mountHolding(Container c, String file) {
        return c.getVolumeMounts().stream()
                .filter(m -> file.startsWith(m.getMountPath() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + " is in no volume of " + c.getName()));
    }

    private static Volume volume(List<Volume> volumes, String name) {
        return volumes.stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(Pod p) {
        return p.getSpec().getContainers().stream().map(Container::getName).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return ALL.values().stream()
                .flatMap(List::stream)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
