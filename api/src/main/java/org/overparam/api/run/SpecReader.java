package org.overparam.api.run;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.InvalidInputException;

/** Reads experiment files (YAML) into validated specs. */
@ProviderType
public interface SpecReader {
    /**
     * @param file the experiment file
     * @param overrides {@code key=value} overrides, e.g. {@code architecture.width=2048} or {@code seed=3}
     * @return the resolved spec, validated against every component's parameters
     * @throws InvalidInputException naming {@code file:line} or the override of the first problem
     */
    RunSpec read(Path file, List<String> overrides);
}
