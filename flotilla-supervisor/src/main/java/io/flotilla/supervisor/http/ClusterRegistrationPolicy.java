package io.flotilla.supervisor.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a cluster's sidecar may be and where its token may come from. The supervisor sends the
 * token a reference names as a bearer token to the sidecar URL, so a reference may only name a file
 * in the declared secrets folder or a variable with the declared prefix (never the database
 * password), and a URL may not point at link-local or cloud metadata addresses.
 *
 * @param secretsDir the only folder {@code file:} references may name a file in; null refuses them
 * @param envPrefix the prefix every {@code env:} reference must have; empty refuses them
 * @param allowPlainHttp whether {@code http://} sidecar URLs are accepted (a local platform on
 *     loopback); otherwise only {@code https://}
 */
public record ClusterRegistrationPolicy(Path secretsDir, String envPrefix, boolean allowPlainHttp) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    // Cloud metadata services by name: they answer on link-local or provider-specific addresses.
    private static final Set<String> METADATA_HOSTS =
            Set.of(
                    "metadata",
                    "metadata.google.internal",
                    "metadata.goog",
                    "instance-data",
                    "instance-data.ec2.internal",
                    "169.254.169.254",
                    "fd00:ec2::254",
                    "100.100.100.200");

    public ClusterRegistrationPolicy {
        secretsDir = secretsDir == null ? null : secretsDir.toAbsolutePath().normalize();
        envPrefix = envPrefix == null ? "" : envPrefix;
    }

    /** Refuses every token reference and plain http: what a supervisor without settings accepts. */
    public static ClusterRegistrationPolicy strict() {
        return new ClusterRegistrationPolicy(null, "", false);
    }

    /** The token reference if it may be used; else a 400 naming the rule and the fix. */
    public String tokenRef(String field, String value) {
        Validation.required(field, value);
        if (value.startsWith("env:")) {
            String name = value.substring(4);
            if (envPrefix.isEmpty()) {
                throw Validation.invalid(
                        field,
                        "may not name an environment variable on this supervisor: use file:<file in its --secrets-dir>, or set --secrets-env-prefix");
            }
            if (!ENV_NAME.matcher(name).matches() || !name.startsWith(envPrefix)) {
                throw Validation.invalid(
                        field,
                        "must name a variable starting with "
                                + envPrefix
                                + " (--secrets-env-prefix), e.g. env:"
                                + envPrefix
                                + "CLUSTER_1; '"
                                + name
                                + "' is not one");
            }
            return value;
        }
        if (value.startsWith("file:")) {
            if (secretsDir == null) {
                throw Validation.invalid(
                        field,
                        "may not name a file on this supervisor: set --secrets-dir to the folder of sidecar tokens, or use env:"
                                + (envPrefix.isEmpty() ? "<variable>" : envPrefix + "<NAME>"));
            }
            Path file;
            try {
                file = Path.of(value.substring(5));
            } catch (InvalidPathException e) {
                throw Validation.invalid(field, "is not a valid file path: " + e.getMessage());
            }
            Path normal = file.toAbsolutePath().normalize();
            if (!file.isAbsolute()
                    || !normal.equals(file)
                    || !normal.startsWith(secretsDir)
                    || normal.equals(secretsDir)) {
                throw Validation.invalid(
                        field,
                        "must name a file inside the secrets folder "
                                + secretsDir
                                + " (--secrets-dir) by its absolute path, e.g. file:"
                                + secretsDir.resolve("cluster-1.token"));
            }
            return value;
        }
        throw Validation.invalid(
                field,
                "must say where the sidecar's token is, not the token: env:VARIABLE or file:/path/to/token");
    }

    /** The sidecar URL if the supervisor may send a token there; else a 400 naming the rule. */
    public String sidecarUrl(String field, String value) {
        Validation.required(field, value);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw Validation.invalid(field, "is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw Validation.invalid(
                    field,
                    "must be an https:// URL, e.g. https://10.0.0.5:8100, got '" + value + "'");
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            throw Validation.invalid(
                    field,
                    "must be https://: plain http would send the sidecar's token unencrypted; a supervisor beside its sidecars on loopback may allow it with --sidecar-allow-http");
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw Validation.invalid(
                    field, "must not carry user info, a query or a fragment: scheme://host:port");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw Validation.invalid(field, "must name a host, e.g. https://10.0.0.5:8100");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        bare = bare.toLowerCase(Locale.ROOT);
        if (bare.indexOf('%') >= 0) { // an IPv6 zone: the address before it decides
            bare = bare.substring(0, bare.indexOf('%'));
        }
        if (bare.endsWith(".")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        if (METADATA_HOSTS.contains(bare) || refusedAddress(bare)) {
            throw Validation.invalid(
                    field,
                    "must not point at a link-local (169.254.0.0/16, fe80::/10) or cloud metadata address ("
                            + host
                            + "): give the sidecar's own address");
        }
        return value;
    }

    /** True for link-local literals (any spelling Java's parser accepts) and IPv4-mapped ones. */
    private static boolean refusedAddress(String host) {
        if (!host.matches("[0-9a-f:.]+") || host.matches(".*[a-f].*") && !host.contains(":")) {
            return false; // a host name: not resolved at registration (see docs/supervisor.md)
        }
        try {
            InetAddress a = InetAddress.getByName(host); // a literal: parsed, never looked up
            return a.isLinkLocalAddress() || METADATA_HOSTS.contains(a.getHostAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
