package io.flotilla.sidecar.state;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link StateStore} on S3 through the AWS SDK v2. */
public final class S3StateStore implements StateStore {

    private final S3Client s3;

    public S3StateStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public List<StateObject> list(String bucket, String keyPrefix) {
        List<StateObject> out = new ArrayList<>();
        ListObjectsV2Request request =
                ListObjectsV2Request.builder()
                        .bucket(bucket)
                        .prefix(keyPrefix)
                        .maxKeys(1000)
                        .build();
        for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
            out.add(new StateObject(o.key(), o.size() == null ? 0 : o.size(), o.lastModified()));
        }
        return out;
    }

    @Override
    public void delete(String bucket, String key) {
        // One key per request: s3proxy does not answer multi-object deletes reliably.
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
