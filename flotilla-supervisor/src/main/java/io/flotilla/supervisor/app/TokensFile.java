package io.flotilla.supervisor.app;

import io.flotilla.http.Role;
import io.flotilla.http.TokenAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the API's tokens: one {@code name role token} per line, {@code #} comments. Errors name the
 * line, never the token.
 */
public final class TokensFile {

    private TokensFile() {}

    public static List<TokenAuth.Token> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--tokens-file " + file + " cannot be read (" + e.getMessage() + ")");
        }
        List<TokenAuth.Token> tokens = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException(
                        file
                                + " line "
                                + (i + 1)
                                + ": expected 'name role token' (3 words), got "
                                + parts.length
                                + " words");
            }
            Role role;
            try {
                role = Role.parse(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        file + " line " + (i + 1) + ": " + e.getMessage());
            }
            tokens.add(new TokenAuth.Token(parts[0], role, parts[2]));
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(
                    file + " holds no token: add a line 'admin admin <openssl rand -hex 32>'");
        }
        return tokens;
    }

    /** Resolves a cluster's token reference ({@code env:NAME} or {@code file:PATH}). */
    public static String resolve(String tokenRef) {
        if (tokenRef.startsWith("env:")) {
            String value = System.getenv(tokenRef.substring(4));
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(
                        "token reference " + tokenRef + ": the variable is not set");
            }
            return value.strip();
        }
        if (tokenRef.startsWith("file:")) {
            try {
                return Files.readString(Path.of(tokenRef.substring(5))).strip();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "token reference " + tokenRef + " cannot be read: " + e.getMessage());
            }
        }
        throw new IllegalStateException(
                "token reference '" + tokenRef + "' must be env:NAME or file:PATH");
    }
}
