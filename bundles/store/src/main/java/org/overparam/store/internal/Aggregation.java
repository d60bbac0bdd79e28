package org.overparam.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.overparam.api.InvalidInputException;
import org.overparam.api.store.MetricStats;
import org.overparam.api.store.SeedAggregate;

/**
 * A sweep's finished runs grouped by every parameter but the seed, with each group's final metrics
 * reduced to {@link MetricStats} over its seeds.
 */
final class Aggregation {
    /** The parameter a group's runs may differ in. */
    static final String SEED = "seed";

    private Aggregation() {
    }

    /**
     * @param db the store
     * @param c a connection
     * @param sweep a sweep's id
     * @return its groups, ordered by the varying parameters (numbers numerically)
     * @throws SQLException if a query fails
     * @throws InvalidInputException if the sweep has no finished run
     */
    static List<SeedAggregate> aggregate(Database db, Connection c, String sweep) throws SQLException {
        List<Integer> rids = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT rid, id, seed FROM runs WHERE sweep = ? AND status IN"
                + " ('CONVERGED', 'COMPLETED', 'DIVERGED') ORDER BY seed, id", List.of(sweep));
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                rids.add(r.getInt(1));
                ids.add(r.getString(2));
                seeds.add(r.getLong(3));
            }
        }
        if (rids.isEmpty()) {
            throw new InvalidInputException(sweep, "the sweep '" + sweep + "' has no finished run in the run store "
                    + db.location().label());
        }
        List<Map<String, String>> params = new ArrayList<>();
        for (int rid : rids) {
            Map<String, String> p = RunReads.params(c, rid);
            p.remove(SEED);
            params.add(p);
        }
        List<String> varying = new ArrayList<>(Comparisons.differing(params).keySet());
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < rids.size(); i++) {
            List<String> key = new ArrayList<>();
            for (String k : varying) {
                key.add(params.get(i).get(k));
            }
            groups.computeIfAbsent(key, k -> new Group()).add(ids.get(i), seeds.get(i), RunReads.finals(c, rids.get(i)));
        }
        List<Map.Entry<List<String>, Group>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Map.Entry.comparingByKey(Aggregation::compareKeys));
        List<SeedAggregate> out = new ArrayList<>();
        for (Map.Entry<List<String>, Group> e : sorted) {
            TreeMap<String, String> p = new TreeMap<>();
            for (int k = 0; k < varying.size(); k++) {
                p.put(varying.get(k), e.getKey().get(k) == null ? "" : e.getKey().get(k));
            }
            out.add(e.getValue().aggregate(p));
        }
        return out;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        Comparator<String> values = Comparator.nullsLast(Numbers::compare);
        for (int i = 0; i < a.size(); i++) {
            int c = values.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The runs of one group as they are read. */
    private static final class Group {
        private final List<String> ids = new ArrayList<>();
        private final List<Long> seeds = new ArrayList<>();
        private final List<Map<String, Double>> finals = new ArrayList<>();

        void add(String id, long seed, Map<String, Double> f) {
            ids.add(id);
            seeds.add(seed);
            finals.add(f);
        }

        SeedAggregate aggregate(TreeMap<String, String> params) {
            TreeSet<String> names = new TreeSet<>();
            finals.forEach(f -> names.addAll(f.keySet()));
            TreeMap<String, MetricStats> stats = new TreeMap<>();
            for (String n : names) {
                stats.put(n, MetricStats.of(finals.stream().filter(f -> f.containsKey(n))
                        .mapToDouble(f -> f.get(n)).toArray()));
            }
            return new SeedAggregate(params, ids, seeds, stats);
        }
    }
}
