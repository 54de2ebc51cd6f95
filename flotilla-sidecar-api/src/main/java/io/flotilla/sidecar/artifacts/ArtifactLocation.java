package io.flotilla.sidecar.artifacts;

import java.net.URI;

/** A trusted artifact's place: an S3 object ({@code bucket}, {@code key}) or an https URL. */
public record ArtifactLocation(String scheme, String bucket, String key, URI uri) {

    public boolean s3() {
        return scheme.equals("s3");
    }
}
