package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.config.CliSettings;
import io.flotilla.cli.output.Table;
import io.flotilla.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CLI's settings are documented from their declarations; tables render aligned. */
class CliSettingsTest {

    @Test
    void docsCliMdHoldsTheTableGeneratedFromTheDeclarations() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "cli.md"));
        assertThat(docs).contains(Settings.markdownTable(CliSettings.ALL));
    }

    @Test
    void everySettingIsAGlobalFlagOfEveryCommand() {
        var cl =
                FlotillaCli.commandLine(
                        new Cli(java.util.Map.of(), java.util.Map.of(), System.out, System.err));
        for (var s : CliSettings.ALL) {
            assertThat(
                            cl.getSubcommands()
                                    .get("status")
                                    .getCommandSpec()
                                    .findOption("--" + s.name()))
                    .as("--" + s.name())
                    .isNotNull();
        }
    }

    @Test
    void tableColumnsAreAsWideAsTheirWidestCell() {
        String t = new Table("NAME", "STATUS").row("orders-eu", "RUNNING").row("a", null).render();
        assertThat(t).isEqualTo("NAME       STATUS\norders-eu  RUNNING\na          -\n");
    }
}
