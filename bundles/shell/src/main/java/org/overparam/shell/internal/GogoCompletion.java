package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * The Gogo command {@code op:candidates}: Tab completion of the {@code op:} commands. The
 * distribution's {@code etc/gosh_profile} registers it for each of them
 * ({@code complete -c op:run -a 'op:candidates'}); Gogo calls it with the line being edited in the
 * session variable {@code .commandLine}, and JLine offers the answer ({@link Completion}). Apart from
 * the other Gogo commands so that the shell bundle works without JLine (its import is optional).
 */
@Component(service = GogoCompletion.class, property = {
    "osgi.command.scope=op",
    "osgi.command.function=candidates"})
public final class GogoCompletion {
    private final Completion completion;
    /** The run store, for run ids; optional. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunStore store;

    /** @param registry the components present now */
    @Activate
    public GogoCompletion(@Reference(name = "registry") ComponentRegistry registry) {
        this.completion = new Completion(registry, this::runIds, Path.of("").toAbsolutePath());
    }

    /**
     * @param session the Gogo session, whose {@code .commandLine} is the line being completed
     * @return the candidates for the word at the cursor
     */
    @Descriptor(GogoHelp.CANDIDATES)
    public List<Candidate> candidates(CommandSession session) {
        if (!(session.get(".commandLine") instanceof ParsedLine line)) {
            return List.of();
        }
        return completion.candidates(line.words(), line.wordIndex()).stream()
                .map(c -> new Candidate(c.value(), c.value(), null, null, null, null, c.complete())).toList();
    }

    private List<String> runIds() {
        RunStore s = store;
        if (s == null) {
            return List.of();
        }
        String property = System.getProperty(CommandLine.RUNS_PROPERTY);
        Path folder = Path.of(property == null || property.isBlank() ? "runs" : property);
        try {
            RunQuery newest = new RunQuery(List.of(), java.util.Set.of(), java.util.Set.of(), "", "", RunQuery.CREATED,
                    true, Completion.MAX_RUNS, 0);
            return s.runs(folder, newest).runs().stream().map(RunSummary::id).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
