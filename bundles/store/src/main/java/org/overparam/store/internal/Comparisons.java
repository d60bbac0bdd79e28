package org.overparam.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.overparam.api.store.Comparison;
import org.overparam.api.store.RunSummary;

/** Runs side by side: the parameters that differ and every final metric. */
final class Comparisons {
    private Comparisons() {
    }

    /**
     * @param db the store
     * @param c a connection
     * @param runIds full ids
     * @return the comparison
     * @throws SQLException if a query fails
     */
    static Comparison compare(Database db, Connection c, List<String> runIds) throws SQLException {
        List<RunSummary> runs = new ArrayList<>();
        List<Map<String, String>> params = new ArrayList<>();
        List<Map<String, Double>> finals = new ArrayList<>();
        for (String id : runIds) {
            int rid = Keys.run(db, c, id);
            runs.add(RunReads.summary(c, rid));
            params.add(RunReads.params(c, rid));
            finals.add(RunReads.finals(c, rid));
        }
        return new Comparison(runs, differing(params), table(finals));
    }

    /**
     * @param params each run's parameters
     * @return the keys whose values are not all equal (a missing value counts as {@code null}), with
     *     each run's value
     */
    static TreeMap<String, List<String>> differing(List<Map<String, String>> params) {
        Set<String> keys = new TreeSet<>();
        params.forEach(p -> keys.addAll(p.keySet()));
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (String k : keys) {
            List<String> values = new ArrayList<>();
            params.forEach(p -> values.add(p.get(k)));
            if (new HashSet<>(values).size() > 1) {
                out.put(k, values);
            }
        }
        return out;
    }

    private static TreeMap<String, List<Double>> table(List<Map<String, Double>> finals) {
        Set<String> names = new TreeSet<>();
        finals.forEach(f -> names.addAll(f.keySet()));
        TreeMap<String, List<Double>> out = new TreeMap<>();
        for (String n : names) {
            List<Double> values = new ArrayList<>();
            finals.forEach(f -> values.add(f.get(n)));
            out.put(n, values);
        }
        return out;
    }
}
