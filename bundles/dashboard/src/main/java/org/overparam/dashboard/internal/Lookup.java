package org.overparam.dashboard.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunStore;

/** What pages and API share: a run by the id in a URL, and the runs query of a request's parameters. */
final class Lookup {
    /** The page size when none is asked. */
    static final int PAGE = 50;

    private Lookup() {
    }

    /** A run or file that is not there: 404. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /**
     * @param store the run store
     * @param runs the runs folder
     * @param id a run id (or a prefix of exactly one) from a URL
     * @return the run
     * @throws SafePaths.BadName if the id is not one safe segment, or the run's folder is outside the runs folder
     * @throws NotFound if no run (or several) match, or the folder has no store
     */
    static RunDetails run(RunStore store, Path runs, String id) {
        SafePaths.segment(id);
        RunDetails d;
        try {
            d = store.run(runs, store.resolve(runs, id)).orElse(null);
        } catch (InvalidInputException e) {
            throw new NotFound(e.getMessage());
        }
        if (d == null) {
            throw new NotFound("no run " + id);
        }
        Path folder = d.folder().toAbsolutePath().normalize();
        if (!folder.startsWith(runs.toAbsolutePath().normalize())) {
            throw new SafePaths.BadName("run " + id + " is not in the runs folder " + runs);
        }
        return d;
    }

    /**
     * @param parameters a request's parameters: {@code q} (conditions as {@code runs} takes them,
     *     repeatable, or blank-separated in one), {@code sort} ({@code [-]KEY}), {@code limit}, {@code offset}
     * @return the query, newest first and {@value #PAGE} to a page unless asked otherwise
     * @throws InvalidInputException naming the bad condition or number
     */
    static RunQuery query(Map<String, String[]> parameters) {
        RunQuery q = RunQuery.all();
        for (String text : parameters.getOrDefault("q", new String[0])) {
            for (String condition : text.strip().split("\\s+")) {
                if (!condition.isEmpty()) {
                    q = q.filtered(condition);
                }
            }
        }
        String sort = first(parameters, "sort", "").strip();
        if (!sort.isEmpty()) {
            boolean down = sort.startsWith("-");
            q = q.sortedBy(down ? sort.substring(1) : sort, down);
        }
        return q.page(count(parameters, "limit", PAGE), count(parameters, "offset", 0));
    }

    static String first(Map<String, String[]> parameters, String name, String otherwise) {
        String[] v = parameters.get(name);
        return v == null || v.length == 0 ? otherwise : v[0];
    }

    static List<String> all(Map<String, String[]> parameters, String name) {
        String[] v = parameters.get(name);
        return v == null ? List.of() : List.of(v);
    }

    private static int count(Map<String, String[]> parameters, String name, int otherwise) {
        String v = first(parameters, name, "").strip();
        if (v.isEmpty()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new InvalidInputException(name, "'" + v + "' is not a count (0 or more)");
    }
}
