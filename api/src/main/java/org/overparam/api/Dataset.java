package org.overparam.api;

import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/** A data source: synthetic data on the sphere, IDX files (Fashion-MNIST), CSV tables. */
@ConsumerType
public interface Dataset extends Component {
    /**
     * @param config the data set's parameters (sizes, files, classes)
     * @param random this component's stream for the run
     * @return the samples
     * @throws InvalidInputException if a file is missing or corrupt, saying how to get or fix it
     */
    Data load(Config config, RandomStream random);

    /**
     * The sizes {@link #load} would deliver, without loading: a run estimates its memory from them and
     * refuses to start before anything is allocated when the run would not fit. Data sets that can
     * tell (from their parameters, or a file's header) override this; the default, empty, makes the
     * run load the data first and check the rest after.
     *
     * @param config the data set's parameters
     * @return the sizes, or empty when they are known only after loading
     * @throws InvalidInputException if the parameters are wrong (the same error {@link #load} gives)
     */
    default Optional<DataSize> size(Config config) {
        return Optional.empty();
    }

    /**
     * Loads the data and reports what the user should know that is not an error (e.g. that the
     * inputs were rescaled), one line per notice; the run writes each to its run.log and shows it on
     * the terminal before the first step. The run calls this method; the default calls
     * {@link #load(Config, RandomStream)} and reports nothing.
     *
     * @param config the data set's parameters
     * @param random this component's stream for the run
     * @param notices receives each notice, one line without a trailing newline
     * @return the samples
     * @throws InvalidInputException if a file is missing or corrupt, saying how to get or fix it
     * @since 1.2
     */
    default Data load(Config config, RandomStream random, Consumer<String> notices) {
        return load(config, random);
    }
}
