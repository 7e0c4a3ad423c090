package cn.gd.xueshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.gd.xueshi.catalog.CatalogConfig;
import cn.gd.xueshi.identity.IdentityConfig;
import cn.gd.xueshi.media.StorageConfig;
import cn.gd.xueshi.playback.PlaybackConfig;
import cn.gd.xueshi.quiz.QuizConfig;
import cn.gd.xueshi.shared.InstanceConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.ConfigMapping;

/** The deployment files parse, have the parts they must have, and set only settings the service has. */
@QuarkusTest
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> NOT_CONFIG = Set.of("JAVA_OPTS");

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    docs.add(node);
                }
            }
        }
        return docs;
    }

    static List<JsonNode> kubernetes() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("deploy/k8s"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(documents(f));
            }
        }
        return all;
    }

    static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in deploy/k8s"));
    }

    @Test
    void kubernetesFilesDescribeAScalableDeployment() throws IOException {
        List<JsonNode> docs = kubernetes();
        JsonNode deployment = kind(docs, "Deployment");
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe + " on the management port");
        }
        assertEquals(9000, container.at("/ports/1/containerPort").asInt());
        assertEquals("9000", deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
        assertTrue(kind(docs, "HorizontalPodAutoscaler").at("/spec/minReplicas").asInt() >= 2);
        assertEquals("xueshi", kind(docs, "Service").at("/spec/selector/app.kubernetes.io~1name").asText());
        assertEquals("xueshi", kind(docs, "Ingress").at("/spec/rules/0/http/paths/0/backend/service/name").asText());
        JsonNode postgres = kind(docs, "Cluster");
        assertEquals("postgresql.cnpg.io/v1", postgres.path("apiVersion").asText());
        assertTrue(postgres.at("/spec/instances").asInt() >= 3, "a primary and at least two replicas");
        JsonNode minio = kind(docs, "Tenant");
        assertTrue(minio.at("/spec/pools/0/servers").asInt() >= 4, "MinIO in distributed mode");
        kind(docs, "ConfigMap");
        kind(docs, "Secret");
    }

    @Test
    void composeRunsTheSameTopologyAsTheMultiInstanceTest() throws IOException {
        JsonNode compose = documents(Path.of("deploy/compose.yaml")).get(0);
        for (String service : List.of("postgres", "minio", "create-bucket", "xueshi-a", "xueshi-b", "nginx")) {
            assertTrue(compose.at("/services").has(service), "compose lacks " + service);
        }
    }

    @Test
    void everySettingTheDeploymentFilesSetExistsInTheService() throws Exception {
        Set<String> known = knownEnvironmentNames();
        Set<String> set = new TreeSet<>();
        List<JsonNode> docs = kubernetes();
        kind(docs, "ConfigMap").path("data").fieldNames().forEachRemaining(set::add);
        docs.stream().filter(d -> "xueshi-secrets".equals(d.at("/metadata/name").asText()))
                .forEach(d -> d.path("stringData").fieldNames().forEachRemaining(set::add));
        kind(docs, "Deployment").at("/spec/template/spec/containers/0/env").forEach(e -> set.add(e.path("name").asText()));
        documents(Path.of("deploy/compose.yaml")).get(0).at("/services/xueshi-a/environment").fieldNames()
                .forEachRemaining(set::add);
        set.removeAll(NOT_CONFIG);
        Set<String> unknown = new TreeSet<>(set);
        unknown.removeAll(known);
        assertTrue(set.size() > 15, "expected the deployment files to set the service's settings: " + set);
        assertTrue(unknown.isEmpty(), "settings the service does not have: " + unknown);
    }

    private static Set<String> knownEnvironmentNames() {
        Set<String> names = new HashSet<>();
        ConfigProvider.getConfig().getPropertyNames().forEach(n -> names.add(env(n.replaceFirst("^%[a-z]+\\.", ""))));
        for (Class<?> mapping : List.of(IdentityConfig.class, StorageConfig.class, PlaybackConfig.class, QuizConfig.class,
                CatalogConfig.class, InstanceConfig.class)) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            for (Method m : mapping.getDeclaredMethods()) {
                if (!m.isDefault() && m.getParameterCount() == 0) {
                    names.add(env(prefix + "." + m.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)));
                }
            }
        }
        return names;
    }

    private static String env(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
