package org.overparam.api.run;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.InvalidInputException;

/**
 * Reads experiment files (YAML) into validated specs, composing them from fragments and expanding
 * their sweeps (see {@code docs/experiment-files.md}).
 *
 * <p>Fragments are looked up in the folders given to the call (the command line's
 * {@code --fragments DIR}), else in the folders of the system property {@value #FRAGMENTS_PROPERTY};
 * then in {@code fragments/} beside the experiment file; then among the fragments the reader ships.
 */
@ProviderType
public interface SpecReader {
    /** System property: the user's fragment folders, separated by the platform's path separator. */
    String FRAGMENTS_PROPERTY = "overparam.fragments";

    /**
     * @param file the experiment file
     * @param overrides {@code key=value} overrides, e.g. {@code architecture.width=2048} or {@code seed=3}
     * @return the resolved spec, validated against every component's parameters
     * @throws InvalidInputException naming {@code file:line} or the override of the first problem, also
     *     when the file and overrides define a sweep of more than one run
     */
    RunSpec read(Path file, List<String> overrides);

    /**
     * Reads one run with the user's fragment folders. The default reads without fragment folders and
     * refuses a non-empty list.
     *
     * @param file the experiment file
     * @param overrides {@code key=value} overrides
     * @param fragments the user's fragment folders, searched first, in order; empty for the default
     *     search (the system property, then {@code fragments/} beside the file)
     * @return the resolved spec
     * @throws InvalidInputException naming {@code file:line} or the override of the first problem
     * @since 1.2
     */
    default RunSpec read(Path file, List<String> overrides, List<Path> fragments) {
        if (!fragments.isEmpty()) {
            throw new InvalidInputException("--fragments", "this experiment reader has no fragment library");
        }
        return read(file, overrides);
    }

    /**
     * Expands an experiment's sweep ({@code sweep:} in the file, {@code key=a,b,c},
     * {@code key=range(...)} or {@code seeds=N} among the arguments) into its runs, every one resolved,
     * validated and pinned before this returns. The default refuses.
     *
     * @param file the experiment file
     * @param arguments overrides ({@code key=value}) and sweep arguments, in order
     * @param fragments the user's fragment folders (as for {@link #read(Path, List, List)})
     * @return the sweep, with at least one run
     * @throws InvalidInputException naming {@code file:line} or the argument of the first problem in any
     *     run, or when the sweep expands to zero runs
     * @throws UnsupportedOperationException if the reader does not expand sweeps
     * @since 1.2
     */
    default Sweep expand(Path file, List<String> arguments, List<Path> fragments) {
        throw new UnsupportedOperationException("this experiment reader does not expand sweeps");
    }

    /**
     * Reads a sweep's manifest back, as written from {@link Sweep#manifest()}: the runs exactly as they
     * were expanded, whatever happened to the experiment file since. Each run's key is checked against
     * its text and each run is validated again, including its pins against the bundles installed now.
     * The default refuses.
     *
     * @param manifest the manifest ({@code sweep.yaml}) or the sweep folder holding it
     * @return the sweep as it was created
     * @throws InvalidInputException naming {@code sweep.yaml:line} if the manifest is missing, malformed,
     *     edited, or pins a bundle version that is no longer installed
     * @throws UnsupportedOperationException if the reader does not expand sweeps
     * @since 1.2
     */
    default Sweep load(Path manifest) {
        throw new UnsupportedOperationException("this experiment reader does not read sweep manifests");
    }
}
