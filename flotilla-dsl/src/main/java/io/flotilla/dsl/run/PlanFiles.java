package io.flotilla.dsl.run;

import io.flotilla.dsl.DslException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Reads and writes compiled plan files through Flink's file systems, so a local path and an {@code
 * s3://} URI (the cluster's S3 file system) work alike.
 */
public final class PlanFiles {

    private PlanFiles() {}

    /** The plan at {@code location}; {@code flag} names the option it came from in errors. */
    public static String read(String location, String flag) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem();
            if (!fs.exists(path)) {
                throw new DslException(
                        flag
                                + " "
                                + location
                                + ": no such file; give the plan the running version saved with"
                                + " --save-plan, or leave "
                                + flag
                                + " out for a job's first version");
            }
            try (InputStream in = fs.open(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new DslException(flag + " " + location + ": cannot be read: " + e, e);
        }
    }

    /** Writes {@code planJson} to {@code location}, replacing what is there. */
    public static void write(String location, String planJson, String flag) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem();
            try (OutputStream out = fs.create(path, FileSystem.WriteMode.OVERWRITE)) {
                out.write(planJson.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new DslException(flag + " " + location + ": cannot be written: " + e, e);
        }
    }
}
