package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The AppCDS training run's commands succeed, so its archive holds their classes. */
class CdsTrainingTest {

    @Test
    void everyTrainingCommandSucceedsAgainstTheCannedSupervisor() throws Exception {
        // --help, list, list as JSON, status, status as JSON
        assertThat(CdsTraining.train()).containsExactly(0, 0, 0, 0, 0);
    }
}
