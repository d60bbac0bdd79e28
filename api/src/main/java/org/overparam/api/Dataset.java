package org.overparam.api;

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
}
