package io.flotilla.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.local.PlatformDescriptor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir Path home;

    @Test
    void secondAcquireIsRefusedWithTheHolderAndTheFix() {
        try (RunFolder first = RunFolder.acquire(home)) {
            assertThat(RunFolder.held(home)).isTrue();
            assertThatThrownBy(() -> RunFolder.acquire(home))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining(
                            "held by another running platform (pid "
                                    + ProcessHandle.current().pid())
                    .hasMessageContaining("FLOTILLA_HOME");
        }
        assertThat(RunFolder.held(home)).isFalse();
        RunFolder.acquire(home).close();
    }

    @Test
    void descriptorOfAStoppedPlatformIsNotReported() {
        assertThat(PlatformDescriptor.read(home)).isEmpty();
    }
}
