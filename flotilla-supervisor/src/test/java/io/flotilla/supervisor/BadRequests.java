package io.flotilla.supervisor;

import io.flotilla.http.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad requests of {@link SupervisorApiBadInputTest}: every route that changes something, each
 * field with values of every class the API must refuse (wrong type, out of range, what the sidecars
 * would refuse, control characters, secrets and addresses that must not be used).
 */
final class BadRequests {

    /** One request and what it must answer: a status and the field the error names. */
    record Case(
            String label,
            String token,
            String method,
            String path,
            String body,
            int status,
            String field) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Leaves the field out of the body. */
    static final Object ABSENT = new Object();

    private static final String SHA = "0".repeat(64);

    private BadRequests() {}

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        out.addAll(bodies("create", "POST", "/v1/deployments"));
        for (Object[] m : specFields()) {
            out.add(spec("create", "POST", "/v1/deployments", null, m));
        }
        for (Object[] m : requiredOnCreate()) {
            out.add(spec("create", "POST", "/v1/deployments", null, m));
        }
        out.add(
                spec(
                        "create",
                        "POST",
                        "/v1/deployments",
                        null,
                        new Object[] {"expectedGeneration", 1, "expectedGeneration"}));
        out.add(
                spec(
                        "create",
                        "POST",
                        "/v1/deployments",
                        null,
                        new Object[] {"ownr", "x", "ownr"}));
        out.add(
                new Case(
                        "create an existing deployment",
                        SupervisorApiFixture.ADMIN,
                        "POST",
                        "/v1/deployments",
                        SupervisorApiFixture.orders("orders"),
                        409,
                        ""));

        out.addAll(bodies("update", "PUT", "/v1/deployments/orders"));
        for (Object[] m : specFields()) {
            if (m[1] != ABSENT && m[1] != null) {
                out.add(update(m));
            }
        }
        out.add(update(new Object[] {"name", "other", "name"}));
        out.add(update(new Object[] {"expectedGeneration", 7, "expectedGeneration"}));
        out.add(update(new Object[] {"expectedGeneration", "one", "expectedGeneration"}));
        out.add(update(new Object[] {"expectedGeneration", ABSENT, "expectedGeneration"}));
        out.add(
                new Case(
                        "update of an unknown deployment",
                        SupervisorApiFixture.OPERATOR,
                        "PUT",
                        "/v1/deployments/nope",
                        "{\"expectedGeneration\": 1, \"version\": \"2\"}",
                        404,
                        "name"));

        out.addAll(releases());
        out.addAll(savepoints());
        out.addAll(clusters());
        out.addAll(lineage());
        out.addAll(others());
        return out;
    }

    /** Bodies that are no JSON object of the route's type. */
    private static List<Case> bodies(String route, String method, String path) {
        String token =
                method.equals("POST") && path.equals("/v1/deployments")
                        ? SupervisorApiFixture.ADMIN
                        : SupervisorApiFixture.OPERATOR;
        List<Case> out = new ArrayList<>();
        String[] bad = {
            "", "null", "{\"name\": ", "[]", "\"text\"", "5", "true", "{} {}", "{\"a\":1,}", "nul"
        };
        for (String b : bad) {
            out.add(new Case(route + " with body " + b, token, method, path, b, 400, ""));
        }
        return out;
    }

    /** {field, value, expected field} of bad values of a spec's fields. */
    private static List<Object[]> specFields() {
        List<Object[]> m = new ArrayList<>();
        for (Object v : List.of("Bad_Name", "-x", "a".repeat(64), "\u0000", "x y", 5)) {
            m.add(new Object[] {"owner", v, "owner"});
        }
        for (Object v : List.of("\u0000", "a\nb", "\u0007", "x".repeat(513), "", 3, "\ud800")) {
            m.add(new Object[] {"module", v, "module"});
        }
        for (Object v : List.of("", "1 2", "../1", "a".repeat(65), "\u0000", ".1")) {
            m.add(new Object[] {"version", v, "version"});
        }
        for (Object v :
                List.of(
                        "s3://other-bucket/orders/1.jar",
                        "s3://flotilla-artifacts/../x.jar",
                        "s3://flotilla-artifacts/orders/../../x.jar",
                        "s3://flotilla-artifacts/orders/1.zip",
                        "s3://flotilla-artifacts/orders/1",
                        "s3://flotilla-artifacts/orders/",
                        "s3://flotilla-artifacts/x.JAR",
                        "http://flotilla-artifacts/x.jar",
                        "https://evil.example.com/x.jar",
                        "file:///etc/passwd.jar",
                        "s3://flotilla-artifacts/a//b.jar",
                        "s3://flotilla-artifacts/%2e%2e/x.jar",
                        "s3://flotilla-artifacts/a b.jar",
                        "s3://flotilla-artifacts/x.jar?v=1",
                        "s3://flotilla-artifacts/x.jar#f",
                        "s3://flotilla-artifacts/./x.jar",
                        "s3a://flotilla-artifacts/x.jar",
                        "s3://",
                        "s3://flotilla-artifacts\\x.jar",
                        "s3://user@flotilla-artifacts/x.jar",
                        "s3://flotilla-artifacts:9000/x.jar",
                        "s3://flotilla-artifacts-evil/x.jar",
                        "s3://flotilla-artifacts/x\u0000.jar",
                        "",
                        7)) {
            m.add(new Object[] {"artifactUri", v, "artifactUri"});
        }
        for (Object v : List.of("abc", "0".repeat(63), "g".repeat(64), "A".repeat(64), "", 5)) {
            m.add(new Object[] {"artifactSha256", v, "artifactSha256"});
        }
        for (Object v :
                List.of(
                        "1abc",
                        "com..x.Job",
                        "com.x.",
                        ".x",
                        "com/x/Job",
                        "com.x.Job;",
                        "a b",
                        "\u0000",
                        "x".repeat(300),
                        "com.x-y.Job",
                        "",
                        7)) {
            m.add(new Object[] {"entryClass", v, "entryClass"});
        }
        for (Object v : List.of(0, -1, 100000, 1025, 1.5, 2147483648L, Integer.MIN_VALUE, "")) {
            m.add(new Object[] {"parallelism", v, "parallelism"});
        }
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        m.add(new Object[] {"args", withNull, "args"});
        m.add(new Object[] {"args", "--flag", "args"});
        m.add(new Object[] {"args", List.of("\u0000"), "args"});
        m.add(new Object[] {"args", Collections.nCopies(201, "a"), "args"});
        m.add(new Object[] {"args", List.of("a".repeat(8193)), "args"});
        m.add(new Object[] {"args", Map.of("a", "b"), "args"});
        for (Object v : List.of("GO", "", 1)) {
            m.add(new Object[] {"desiredState", v, "desiredState"});
        }
        for (Object v : List.of("FAST", "", 2)) {
            m.add(new Object[] {"upgradeMode", v, "upgradeMode"});
        }
        for (Object v : List.of("cluster-9", "Bad", "", 5, "pool:nowhere", "pool:Bad", "pool:")) {
            m.add(new Object[] {"cluster", v, "cluster"});
        }
        for (Object v :
                List.of(
                        "",
                        " ",
                        "two",
                        "2.0.0.1",
                        ">=2.3 <2.0",
                        "~2.0",
                        ">=2.x",
                        "2.0\u0000",
                        "2".repeat(600),
                        2,
                        List.of(">=2.0"))) {
            m.add(new Object[] {"flinkVersion", v, "flinkVersion"});
        }
        m.add(new Object[] {"retention", Map.of("keepSavepoints", 0), "retention.keepSavepoints"});
        m.add(new Object[] {"retention", Map.of("keepSavepoints", -1), "retention.keepSavepoints"});
        m.add(
                new Object[] {
                    "retention", Map.of("keepSavepoints", "x"), "retention.keepSavepoints"
                });
        m.add(new Object[] {"retention", Map.of("maxAge", "soon"), "retention.maxAge"});
        m.add(new Object[] {"retention", Map.of("maxAge", ""), "retention.maxAge"});
        m.add(new Object[] {"retention", Map.of("maxAge", "-1d"), "retention.maxAge"});
        m.add(new Object[] {"retention", Map.of("keep", 1), "keep"});
        m.add(new Object[] {"retention", "5", "retention"});
        return m;
    }

    private static List<Object[]> requiredOnCreate() {
        List<Object[]> m = new ArrayList<>();
        for (String f :
                List.of(
                        "name",
                        "owner",
                        "module",
                        "version",
                        "artifactUri",
                        "artifactSha256",
                        "entryClass")) {
            m.add(new Object[] {f, ABSENT, f});
        }
        for (Object v : List.of("Bad_Name", "-x", "a".repeat(64), "\u0000", "", "x/y", 5)) {
            m.add(new Object[] {"name", v, "name"});
        }
        return m;
    }

    private static Case spec(
            String route, String method, String path, Long expectedGeneration, Object[] m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "second");
        body.put("owner", "team-orders");
        body.put("module", "examples/orders");
        body.put("version", "1");
        body.put("artifactUri", "s3://flotilla-artifacts/orders/1.jar");
        body.put("artifactSha256", SHA);
        body.put("entryClass", "io.flotilla.examples.orders.OrdersJob");
        body.put("args", List.of("--sink", "blackhole"));
        body.put("cluster", "cluster-1");
        return new Case(
                route + " with " + m[0] + " = " + shown(m[1]),
                SupervisorApiFixture.ADMIN,
                method,
                path,
                json(with(body, m[0], m[1])),
                400,
                (String) m[2]);
    }

    private static Case update(Object[] m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expectedGeneration", 1);
        int status = m[0].equals("expectedGeneration") && m[1] instanceof Integer ? 409 : 400;
        return new Case(
                "update with " + m[0] + " = " + shown(m[1]),
                SupervisorApiFixture.OPERATOR,
                "PUT",
                "/v1/deployments/orders",
                json(with(body, m[0], m[1])),
                status,
                (String) m[2]);
    }

    private static List<Case> releases() {
        List<Case> out =
                new ArrayList<>(bodies("release", "POST", "/v1/deployments/orders/releases"));
        List<Object[]> m = new ArrayList<>();
        for (Object[] f : specFields()) {
            if (f[0].equals("version")
                    || f[0].equals("artifactUri")
                    || f[0].equals("artifactSha256")
                    || f[0].equals("upgradeMode")) {
                m.add(f);
            }
        }
        for (String f : List.of("version", "artifactUri", "artifactSha256")) {
            m.add(new Object[] {f, ABSENT, f});
        }
        m.add(new Object[] {"expectedGeneration", "x", "expectedGeneration"});
        m.add(new Object[] {"entryClass", "io.x.Job", "entryClass"});
        for (Object[] f : m) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", "2");
            body.put("artifactUri", "s3://flotilla-artifacts/orders/2.jar");
            body.put("artifactSha256", "1".repeat(64));
            out.add(
                    new Case(
                            "release with " + f[0] + " = " + shown(f[1]),
                            SupervisorApiFixture.OPERATOR,
                            "POST",
                            "/v1/deployments/orders/releases",
                            json(with(body, f[0], f[1])),
                            400,
                            (String) f[2]));
        }
        out.add(
                new Case(
                        "release of the version it already has",
                        SupervisorApiFixture.OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        "{\"version\": \"1\", \"artifactUri\": \"s3://flotilla-artifacts/orders/1.jar\", \"artifactSha256\": \""
                                + SHA
                                + "\"}",
                        409,
                        "version"));
        out.add(
                new Case(
                        "release with a stale generation",
                        SupervisorApiFixture.OPERATOR,
                        "POST",
                        "/v1/deployments/orders/releases",
                        "{\"version\": \"2\", \"artifactUri\": \"s3://flotilla-artifacts/orders/2.jar\", \"artifactSha256\": \""
                                + SHA
                                + "\", \"expectedGeneration\": 9}",
                        409,
                        "expectedGeneration"));
        return out;
    }

    private static List<Case> savepoints() {
        String path = "/v1/deployments/orders/start-from-savepoint";
        List<Case> out = new ArrayList<>(bodies("start-from-savepoint", "POST", path));
        List<Object> bad =
                List.of(
                        "",
                        "file:///tmp/sp",
                        "hdfs://x/sp",
                        "s3://",
                        "s3://flotilla-state/cluster-1/../cluster-2/savepoints/x",
                        "s3://flotilla-state/./x",
                        "s3://flotilla-state/a b",
                        "s3://flotilla-state/a\\b",
                        "s3://flotilla-state/\u0000",
                        "s3://flotilla-state/\n",
                        5,
                        List.of("s3://x"));
        for (Object v : bad) {
            out.add(
                    new Case(
                            "start-from-savepoint with savepoint = " + shown(v),
                            SupervisorApiFixture.OPERATOR,
                            "POST",
                            path,
                            json(with(new LinkedHashMap<>(), "savepoint", v)),
                            400,
                            "savepoint"));
        }
        out.add(
                new Case(
                        "start-from-savepoint without a savepoint",
                        SupervisorApiFixture.OPERATOR,
                        "POST",
                        path,
                        "{\"expectedGeneration\": 1}",
                        400,
                        "savepoint"));
        out.add(
                new Case(
                        "start-from-savepoint with a stale generation",
                        SupervisorApiFixture.OPERATOR,
                        "POST",
                        path,
                        "{\"savepoint\": \"s3://flotilla-state/cluster-1/savepoints/x\", \"expectedGeneration\": 4}",
                        409,
                        "expectedGeneration"));
        out.add(
                new Case(
                        "start-from-savepoint of an unknown deployment",
                        SupervisorApiFixture.OPERATOR,
                        "POST",
                        "/v1/deployments/nope/start-from-savepoint",
                        "{\"savepoint\": \"s3://flotilla-state/cluster-1/savepoints/x\"}",
                        404,
                        "name"));
        return out;
    }

    private static List<Case> clusters() {
        List<Case> out = new ArrayList<>();
        for (String b : List.of("", "null", "[]", "{\"name\": ", "7", "{} []")) {
            out.add(
                    new Case(
                            "register with body " + b,
                            SupervisorApiFixture.ADMIN,
                            "POST",
                            "/v1/clusters",
                            b,
                            400,
                            ""));
        }
        List<Object[]> m = new ArrayList<>();
        for (Object v : List.of("Bad_Name", "", "a".repeat(64), "\u0000", 3)) {
            m.add(new Object[] {"name", v, "name"});
        }
        for (Object v :
                List.of(
                        "http://169.254.169.254/",
                        "https://169.254.169.254/",
                        "https://169.254.1.1:8100",
                        "https://[fe80::1]:8100",
                        "https://[FE80::abcd]:8100",
                        "https://[::ffff:169.254.169.254]:8100",
                        "https://metadata.google.internal/",
                        "https://metadata/",
                        "https://instance-data/",
                        "https://100.100.100.200/",
                        "https://[fd00:ec2::254]/",
                        "http://10.0.0.5:8100",
                        "http://127.0.0.1:8100",
                        "ftp://10.0.0.5",
                        "file:///etc/passwd",
                        "10.0.0.5:8100",
                        "https://",
                        "https://user:pw@10.0.0.5:8100",
                        "https://10.0.0.5:8100/?x=1",
                        "https://10.0.0.5:8100/#f",
                        "https://10.0.0.5 :8100",
                        "",
                        5)) {
            m.add(new Object[] {"sidecarUrl", v, "sidecarUrl"});
        }
        for (Object v :
                List.of(
                        "env:FLOTILLA_SUPERVISOR_JDBC_PASSWORD",
                        "env:PATH",
                        "env:AWS_SECRET_ACCESS_KEY",
                        "env:",
                        "env:FLOTILLA_CLUSTER_TOKEN_-x",
                        "env:FLOTILLA_CLUSTER_TOKEN",
                        "file:/etc/passwd",
                        "file:relative/token",
                        "file:/etc/flotilla/secrets/../../passwd",
                        "file:/etc/flotilla/secrets",
                        "file:/etc/flotilla/secrets/",
                        "file:/etc/flotilla/secrets-other/t",
                        "file:",
                        "0123456789abcdef0123456789abcdef",
                        "vault:secret/x",
                        "",
                        4)) {
            m.add(new Object[] {"tokenRef", v, "tokenRef"});
        }
        for (Object v : List.of(-1, "x", 1.5)) {
            m.add(new Object[] {"slots", v, "slots"});
        }
        m.add(new Object[] {"sidecarUrl", ABSENT, "sidecarUrl"});
        m.add(new Object[] {"tokenRef", ABSENT, "tokenRef"});
        m.add(new Object[] {"name", ABSENT, "name"});
        m.add(new Object[] {"url", "https://10.0.0.5:8100", "url"});
        for (String name : List.of("cluster-2", "cluster-1")) {
            for (Object[] f : m) {
                if (f[0].equals("name") && name.equals("cluster-1")) {
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", name);
                body.put("sidecarUrl", "https://10.0.0.5:8100");
                body.put("tokenRef", "env:FLOTILLA_CLUSTER_TOKEN_2");
                body.put("slots", 4);
                out.add(
                        new Case(
                                "register " + name + " with " + f[0] + " = " + shown(f[1]),
                                SupervisorApiFixture.ADMIN,
                                "POST",
                                "/v1/clusters",
                                json(with(body, f[0], f[1])),
                                400,
                                (String) f[2]));
            }
        }
        out.add(
                new Case(
                        "declare an unknown cluster lost",
                        SupervisorApiFixture.ADMIN,
                        "POST",
                        "/v1/clusters/nope/lost",
                        null,
                        404,
                        "cluster"));
        return out;
    }

    private static List<Case> lineage() {
        String path = "/v1/deployments/orders/lineage/1";
        List<Case> out = new ArrayList<>(bodies("lineage", "PUT", path));
        List<String> bad =
                List.of(
                        "{\"writes\": []}",
                        "{\"reads\": []}",
                        "{\"reads\": [{\"name\": \"\"}], \"writes\": []}",
                        "{\"reads\": [null], \"writes\": []}",
                        "{\"reads\": [{\"name\": \"a\\u0000\"}], \"writes\": []}",
                        "{\"reads\": [{\"name\": \"a\", \"location\": \"\\u0000\"}], \"writes\": []}",
                        "{\"reads\": [{\"name\": \"a\", \"owner\": 5}], \"writes\": []}",
                        "{\"reads\": \"orders\", \"writes\": []}",
                        "{\"reads\": [], \"writes\": [{\"table\": \"a\"}]}",
                        "{\"reads\": [], \"writes\": [], \"job\": \"\\u0001\"}",
                        "{\"reads\": [], \"writes\": [], \"declaredBy\": [1]}");
        List<String> fields =
                List.of(
                        "reads",
                        "writes",
                        "reads[0].name",
                        "reads[0].name",
                        "reads[0].name",
                        "reads[0].location",
                        "reads.[0].owner",
                        "reads",
                        "table",
                        "job",
                        "declaredBy");
        for (int i = 0; i < bad.size(); i++) {
            out.add(
                    new Case(
                            "lineage " + bad.get(i),
                            SupervisorApiFixture.OPERATOR,
                            "PUT",
                            path,
                            bad.get(i),
                            400,
                            fields.get(i)));
        }
        String good = "{\"reads\": [{\"name\": \"a\"}], \"writes\": []}";
        out.add(
                new Case(
                        "lineage of a bad version",
                        SupervisorApiFixture.OPERATOR,
                        "PUT",
                        "/v1/deployments/orders/lineage/..",
                        good,
                        400,
                        "version"));
        out.add(
                new Case(
                        "lineage of an unknown deployment",
                        SupervisorApiFixture.OPERATOR,
                        "PUT",
                        "/v1/deployments/nope/lineage/1",
                        good,
                        404,
                        "name"));
        return out;
    }

    /** Roles, names and generations on the routes without a body. */
    private static List<Case> others() {
        List<Case> out = new ArrayList<>();
        out.add(
                new Case(
                        "viewer stops",
                        SupervisorApiFixture.VIEWER,
                        "POST",
                        "/v1/deployments/orders/stop",
                        null,
                        403,
                        ""));
        out.add(
                new Case(
                        "operator registers a cluster",
                        SupervisorApiFixture.OPERATOR,
                        "POST",
                        "/v1/clusters",
                        "{\"name\": \"c9\", \"sidecarUrl\": \"https://10.0.0.9\", \"tokenRef\": \"env:FLOTILLA_CLUSTER_TOKEN_9\"}",
                        403,
                        ""));
        out.add(new Case("no token", null, "POST", "/v1/deployments/orders/stop", null, 401, ""));
        for (String route : List.of("stop", "start", "restart")) {
            out.add(
                    new Case(
                            route + " with a stale generation",
                            SupervisorApiFixture.OPERATOR,
                            "POST",
                            "/v1/deployments/orders/" + route,
                            "{\"expectedGeneration\": 3}",
                            409,
                            "expectedGeneration"));
            out.add(
                    new Case(
                            route + " with a generation that is no number",
                            SupervisorApiFixture.OPERATOR,
                            "POST",
                            "/v1/deployments/orders/" + route,
                            "{\"expectedGeneration\": \"x\"}",
                            400,
                            "expectedGeneration"));
            out.add(
                    new Case(
                            route + " of an unknown deployment",
                            SupervisorApiFixture.OPERATOR,
                            "POST",
                            "/v1/deployments/nope/" + route,
                            null,
                            404,
                            "name"));
        }
        out.add(
                new Case(
                        "delete a running deployment",
                        SupervisorApiFixture.ADMIN,
                        "DELETE",
                        "/v1/deployments/orders",
                        null,
                        409,
                        "name"));
        out.add(
                new Case(
                        "delete with a generation that is no number",
                        SupervisorApiFixture.ADMIN,
                        "DELETE",
                        "/v1/deployments/orders?generation=x",
                        null,
                        400,
                        "generation"));
        return out;
    }

    private static Map<String, Object> with(Map<String, Object> body, Object field, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        if (value == ABSENT) {
            out.remove((String) field);
        } else {
            out.put((String) field, value);
        }
        return out;
    }

    private static String json(Map<String, Object> body) {
        return new String(Json.write(body), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String shown(Object v) {
        if (v == ABSENT) {
            return "(absent)";
        }
        String s = Json.MAPPER.valueToTree(v).toString();
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
