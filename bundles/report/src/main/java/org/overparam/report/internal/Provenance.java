package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run's {@code run.log} says about where its results come from: for every component its
 * kind, name, bundle, bundle version and parameters (the engine's lines
 * {@code <time> optimizer gd (org.overparam.plugin.optim.gd 0.1.0.SNAPSHOT) {lr=0.02}}), and the
 * data, model and stop lines. Lines the engine may add later are kept as they are in
 * {@link #other()}.
 *
 * @param components one row per component: kind, name, bundle, version, parameters
 * @param facts the data, model and stop lines without their time stamps
 * @param other every other line that is not a stack trace
 */
record Provenance(List<List<String>> components, List<String> facts, List<String> other) {
    private static final Pattern STAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)? (.*)$");
    private static final Pattern COMPONENT = Pattern.compile(
            "^(dataset|architecture|initializer|loss|optimizer|schedule|constraint|analyzer) (\\S+) \\((\\S+) ([^)]*)\\) ?(.*)$");

    /** Copies the lists. */
    Provenance {
        components = List.copyOf(components);
        facts = List.copyOf(facts);
        other = List.copyOf(other);
    }

    /**
     * @param log the lines of {@code run.log}
     * @return what they say
     */
    static Provenance of(List<String> log) {
        List<List<String>> components = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : log) {
            Matcher stamped = STAMP.matcher(line);
            if (!stamped.matches()) {
                continue;
            }
            String text = stamped.group(1);
            Matcher c = COMPONENT.matcher(text);
            if (c.matches()) {
                components.add(List.of(c.group(1), c.group(2), c.group(3), c.group(4), c.group(5)));
            } else if (text.startsWith("data: ") || text.startsWith("model: ") || text.startsWith("stop: ")) {
                facts.add(text);
            } else {
                other.add(text);
            }
        }
        return new Provenance(components, facts, other);
    }
}
