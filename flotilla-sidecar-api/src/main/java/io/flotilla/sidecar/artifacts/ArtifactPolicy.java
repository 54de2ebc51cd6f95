package io.flotilla.sidecar.artifacts;

import io.flotilla.http.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which artifact URIs are trusted: {@code s3://} objects under an allowed bucket/prefix and {@code
 * https://} URLs on an allowed host. Everything else is refused with the rule it broke.
 */
public final class ArtifactPolicy {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final List<String> s3Prefixes;
    private final List<String> httpsHosts;

    /**
     * @param s3Prefixes e.g. {@code s3://flotilla-artifacts/} or {@code s3://builds/jobs/}
     * @param httpsHosts e.g. {@code artifacts.example.com} or {@code artifacts.example.com:8443}
     */
    public ArtifactPolicy(List<String> s3Prefixes, List<String> httpsHosts) {
        this.s3Prefixes = s3Prefixes.stream().map(p -> p.endsWith("/") ? p : p + "/").toList();
        this.httpsHosts = httpsHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** Checks a sha256 given by the caller: 64 lower-case hex digits. */
    public static String checkSha256(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ApiException.badRequest(
                    "invalid_sha256",
                    "artifact.sha256",
                    "artifact.sha256 must be 64 lower-case hex digits (the output of sha256sum), got '"
                            + sha256
                            + "'");
        }
        return sha256;
    }

    /** The location of {@code raw} if it is trusted; else a 400 naming the rule. */
    public ArtifactLocation check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw refuse("artifact.uri is required: an s3:// or https:// URI of the job jar");
        }
        if (raw.contains("\\") || raw.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw refuse("artifact.uri must not contain backslashes, spaces or control characters");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")) {
            throw refuse("artifact.uri must not percent-encode '.', '/' or '\\' (path traversal)");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw refuse("artifact.uri is not a valid URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("s3") && !scheme.equals("https")) {
            throw refuse(
                    "artifact.uri scheme '"
                            + scheme
                            + "' is not allowed: use s3:// (allowed: "
                            + s3Prefixes
                            + ") or https:// (allowed hosts: "
                            + httpsHosts
                            + ")");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw refuse(
                        "artifact.uri must not contain '.' or '..' path segments (path traversal)");
            }
        }
        if (path.contains("//")) {
            throw refuse("artifact.uri must not contain empty path segments ('//')");
        }
        if (!path.endsWith(".jar")) {
            throw refuse("artifact.uri must name a .jar file, got '" + path + "'");
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw refuse("artifact.uri must not carry user info, a query or a fragment");
        }
        if (scheme.equals("s3")) {
            String bucket = uri.getHost();
            if (bucket == null || uri.getPort() != -1) {
                throw refuse("artifact.uri must look like s3://bucket/key.jar");
            }
            String normalized = "s3://" + bucket + path;
            if (s3Prefixes.stream().noneMatch(normalized::startsWith)) {
                throw refuse(
                        "artifact.uri "
                                + normalized
                                + " is outside the trusted S3 locations "
                                + s3Prefixes
                                + ": upload the jar there first");
            }
            return new ArtifactLocation("s3", bucket, path.substring(1), uri);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String hostPort = uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        if (!httpsHosts.contains(hostPort)) {
            throw refuse(
                    "artifact.uri host '"
                            + hostPort
                            + "' is not a trusted https host "
                            + httpsHosts
                            + ": ask an operator to add it to --artifact-https-hosts");
        }
        return new ArtifactLocation("https", null, null, uri);
    }

    private static ApiException refuse(String message) {
        return new ApiException(400, "untrusted_artifact", message, "artifact.uri", null);
    }
}
