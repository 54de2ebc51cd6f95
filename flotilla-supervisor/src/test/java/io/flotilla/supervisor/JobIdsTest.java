package io.flotilla.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobIdsTest {

    @Test
    void sameInputsGiveTheSame32HexJobId() {
        String id = JobIds.derive("orders", 3, 7);

        assertThat(id).matches("[0-9a-f]{32}").isEqualTo(JobIds.derive("orders", 3, 7));
    }

    @Test
    void everyInputChangesTheJobId() {
        String id = JobIds.derive("orders", 3, 7);

        assertThat(JobIds.derive("orders2", 3, 7)).isNotEqualTo(id);
        assertThat(JobIds.derive("orders", 4, 7)).isNotEqualTo(id);
        assertThat(JobIds.derive("orders", 3, 8)).isNotEqualTo(id);
    }
}
