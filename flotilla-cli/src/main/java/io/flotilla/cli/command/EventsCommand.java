package io.flotilla.cli.command;

import io.flotilla.cli.Cli;
import io.flotilla.cli.output.Table;
import io.flotilla.cli.output.Texts;
import io.flotilla.supervisor.api.EventView;
import io.flotilla.supervisor.api.EventsPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flotilla events [<deployment>]}: the audit log, newest last. */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Show the audit log of one deployment or of all: who did what, when.")
public final class EventsCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(arity = "0..1", paramLabel = "<deployment>", description = "Only this one.")
    String deployment;

    @Option(
            names = "--limit",
            defaultValue = "50",
            description = "Show the last N events (default ${DEFAULT-VALUE}).")
    int limit;

    public EventsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw io.flotilla.cli.CliFailure.badInput("--limit must be at least 1, got " + limit);
        }
        if (deployment != null) {
            cli.supervisor().deployment(deployment); // names a missing deployment clearly
        }
        List<EventView> all = new ArrayList<>();
        long after = 0;
        while (true) {
            EventsPage page = cli.supervisor().events(deployment, after, 1000);
            all.addAll(page.events());
            if (page.next() == null || page.events().isEmpty()) {
                break;
            }
            after = page.events().get(page.events().size() - 1).id();
        }
        List<EventView> last = all.subList(Math.max(0, all.size() - limit), all.size());
        Table t = new Table("ID", "AT", "DEPLOYMENT", "WHO", "TYPE", "MESSAGE");
        for (EventView e : last) {
            t.row(
                    e.id(),
                    Texts.time(e.at()),
                    Texts.orDash(e.deployment()),
                    e.who(),
                    e.type(),
                    e.message());
        }
        cli.output().either(t.render(), Map.of("events", last));
        return 0;
    }
}
