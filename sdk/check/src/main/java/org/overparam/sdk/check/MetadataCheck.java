package org.overparam.sdk.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ParamSpec;

/**
 * The check {@code metadata}: every component of an installed plugin is in the registry, provided
 * by the plugin's own bundle (not shadowed by another of the same kind and name), and each of its
 * parameters has a {@code @Param} description and, if it has a default, a default inside its own
 * range. This is what {@code list}, {@code describe} and the experiment reader's validation show
 * and use.
 */
final class MetadataCheck {
    private MetadataCheck() {
    }

    /**
     * @param registry the container's registry
     * @param plugin an installed plugin
     * @return the check
     */
    static Check run(ComponentRegistry registry, InstalledPlugin plugin) {
        List<String> problems = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (PluginComponent c : plugin.components()) {
            Optional<ComponentInfo> info = registry.find(c.kind(), c.name());
            if (info.isEmpty()) {
                problems.add(c + " is not in the registry: its service did not activate (a constructor or activate "
                        + "method threw) or its configType() failed");
                continue;
            }
            if (!PluginChecks.ours(plugin, info.get())) {
                problems.add(c + " is shadowed by " + info.get().bundle() + " " + info.get().version()
                        + " (a higher service ranking or bundle version): rename it or raise its version");
                continue;
            }
            List<String> names = new ArrayList<>();
            for (ParamSpec p : info.get().params()) {
                names.add(p.name());
                if (p.description().isBlank()) {
                    problems.add(c + "." + p.name() + " has no @Param description");
                }
                if (!p.required()) {
                    try {
                        p.check(c.kind().key() + "." + p.name(), p.defaultValue());
                    } catch (InvalidInputException e) {
                        problems.add(c + ": the default of " + e.oneLine());
                    }
                }
            }
            found.add(c + " (" + (names.isEmpty() ? "no parameters" : String.join(", ", names)) + ")");
        }
        if (!problems.isEmpty()) {
            return Check.fail("metadata", String.join("; ", problems));
        }
        return Check.pass("metadata", String.join(", ", found) + ": every parameter documented, every default in range");
    }
}
