package io.flotilla.sidecar.state;

import java.util.Locale;

/**
 * One spelling of a state path, so that the guard compares what Flink reports, what callers pin and
 * what the listing finds as the same object: Hadoop's {@code s3a://} (and {@code s3n://}, {@code
 * s3p://}) and {@code s3://} name the same bucket, and trailing or doubled slashes name the same
 * folder.
 */
public final class StatePaths {

    private StatePaths() {}

    /** {@code s3://bucket/key} without trailing or doubled slashes; null stays null. */
    public static String normalize(String path) {
        if (path == null) {
            return null;
        }
        String p = path.trim();
        int sep = p.indexOf("://");
        String scheme = "";
        String rest = p;
        if (sep > 0) {
            scheme = p.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = p.substring(sep + 3);
            if (scheme.equals("s3a") || scheme.equals("s3n") || scheme.equals("s3p")) {
                scheme = "s3";
            }
        }
        while (rest.contains("//")) {
            rest = rest.replace("//", "/");
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return sep > 0 ? scheme + "://" + rest : rest;
    }
}
