package io.flotilla.local.process;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Flink S3 file system options for a store on loopback. With s3a's defaults the first
 * checkpoint against s3proxy took about 40 s (credential-provider and region probing, bucket probes
 * and slow retries); these settings bring it to seconds (docs/benchmarks.md).
 */
public final class S3Tuning {

    private S3Tuning() {}

    static Map<String, String> flinkOptions(URI endpoint, String accessKey, String secretKey) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("s3.endpoint", endpoint.toString());
        conf.put("s3.path.style.access", "true");
        conf.put("s3.access-key", accessKey);
        conf.put("s3.secret-key", secretKey);
        // Only the static keys: the default chain probes environment, profile and EC2 metadata.
        conf.put(
                "fs.s3a.aws.credentials.provider",
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.put("fs.s3a.endpoint.region", "us-east-1");
        conf.put("fs.s3a.bucket.probe", "0");
        // Multi-object delete requests to s3proxy hang until the socket times out; deleting
        // one key at a time is fast on loopback, and with markers kept, a write needs no delete.
        conf.put("fs.s3a.multiobjectdelete.enable", "false");
        conf.put("fs.s3a.directory.marker.retention", "keep");
        conf.put(
                "fs.s3a.connection.ssl.enabled",
                String.valueOf("https".equals(endpoint.getScheme())));
        conf.put("fs.s3a.connection.establish.timeout", "5000");
        conf.put("fs.s3a.connection.timeout", "20000");
        conf.put("fs.s3a.attempts.maximum", "3");
        conf.put("fs.s3a.retry.limit", "3");
        conf.put("fs.s3a.retry.interval", "200ms");
        return conf;
    }
}
