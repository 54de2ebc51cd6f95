package io.flotilla.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The sidecars' bearer token: new at every start, kept in an owner-only file for local tools. */
public final class SidecarToken {

    /** In a folder of its own: the supervisor reads sidecar tokens from that folder only. */
    public static final String DIR = "conf/secrets";

    public static final String FILE = DIR + "/sidecar.token";

    private SidecarToken() {}

    public static String create(RunFolder run) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Path file = run.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
        } catch (IOException e) {
            throw new PlatformException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return token;
    }
}
