package io.flotilla.sidecar.flink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlinkRestExceptionTest {

    @Test
    void serverStackTraceIsCutToFirstLineAndRootCause() {
        String flinkError =
                "[org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute"
                        + " application.\n"
                        + "\tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.x(J.java:1)\n"
                        + "Caused by: org.apache.flink.util.FlinkRuntimeException: Could not execute"
                        + " application.\n"
                        + "\tat a.b(C.java:2)\n"
                        + "Caused by: org.apache.flink.table.api.SqlParserException: SQL parse failed."
                        + " Encountered \"(\" at line 3, column 25.\n"
                        + "\t... 15 more\n]";

        String summary = new FlinkRestException(500, flinkError, null).getMessage();

        assertThat(summary)
                .startsWith(
                        "org.apache.flink.runtime.rest.handler.RestHandlerException: Could not"
                                + " execute application.")
                .contains(
                        "(cause: org.apache.flink.table.api.SqlParserException: SQL parse failed.")
                .doesNotContain("\tat ");
    }

    @Test
    void plainMessageIsKept() {
        assertThat(new FlinkRestException(0, "no answer", null).getMessage())
                .isEqualTo("no answer");
    }
}
