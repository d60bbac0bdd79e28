package org.overparam.api.store;

import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;
import org.overparam.api.run.RunStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which runs to list from a {@link RunStore}, in which order, and which page of them. All conditions
 * must hold. Build one from {@link #all()} with the {@code with...} methods:
 * {@code RunQuery.all().withStatus(RunStatus.CONVERGED).withParam(ParamFilter.parse("architecture.width=1024")).page(50, 0)}.
 *
 * @param params conditions on the resolved spec's parameters
 * @param tags tags every run must carry
 * @param statuses the statuses allowed; empty = any
 * @param name the experiment's name, with {@code *} and {@code ?} as wildcards; empty = any
 * @param sweep the sweep's id; empty = any run, in a sweep or not
 * @param sort the order: {@code created} (the default), {@code finished}, {@code id}, {@code name},
 *     {@code status}, {@code seed}, {@code steps}, {@code loss}, {@code seconds}, {@code sweep}, a
 *     final metric as {@code metric:<name>} (e.g. {@code metric:dynamics.rate}), or any other text
 *     for the parameter of that key (numerically when its values are numbers); runs without the
 *     value come last; ties are broken by id
 * @param descending whether the order is reversed (missing values still come last)
 * @param limit the page size; 0 = every run from {@code offset} on
 * @param offset how many runs of the order to skip
 */
public record RunQuery(List<ParamFilter> params, Set<String> tags, Set<RunStatus> statuses, String name, String sweep,
                       String sort, boolean descending, int limit, int offset) {
    /** The default order. */
    public static final String CREATED = "created";
    /** The sort prefix naming a final metric. */
    public static final String METRIC_PREFIX = "metric:";

    /** Checks the fields and copies the collections. */
    public RunQuery {
        params = List.copyOf(params);
        tags = Collections.unmodifiableSet(new TreeSet<>(tags));
        statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        name = name == null ? "" : name;
        sweep = sweep == null ? "" : sweep;
        sort = sort == null || sort.isBlank() ? CREATED : sort;
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset + " is negative");
        }
    }

    /** @return every run, newest first, no paging */
    public static RunQuery all() {
        return new RunQuery(List.of(), Set.of(), Set.of(), "", "", CREATED, true, 0, 0);
    }

    /**
     * Adds one condition written as the {@code runs} command and the dashboard take it:
     * {@code status=CONVERGED} (or {@code status=CONVERGED,COMPLETED}), {@code tag=T}, {@code name=GLOB},
     * {@code sweep=ID}, or a parameter of the resolved spec with {@code =, !=, <, <=, >, >=}
     * ({@link ParamFilter#parse}).
     *
     * @param expression the condition
     * @return this query with it
     * @throws InvalidInputException naming the expression if it is malformed, a status is unknown
     *     (with the closest one), or status, tag, name or sweep is used with another operator than {@code =}
     * @since 1.1
     */
    public RunQuery filtered(String expression) {
        ParamFilter f = ParamFilter.parse(expression);
        String key = f.key();
        if (Set.of("status", "tag", "name", "sweep").contains(key) && f.op() != ParamFilter.Op.EQ) {
            throw new InvalidInputException(expression, key + " takes '=' only");
        }
        switch (key) {
            case "status" -> {
                RunQuery q = this;
                for (String s : f.value().split(",")) {
                    q = q.withStatus(status(s.strip()));
                }
                return q;
            }
            case "tag" -> {
                return withTag(f.value());
            }
            case "name" -> {
                return withName(f.value());
            }
            case "sweep" -> {
                return withSweep(f.value());
            }
            default -> {
                return withParam(f);
            }
        }
    }

    private static RunStatus status(String s) {
        try {
            return RunStatus.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> all = new ArrayList<>();
            for (RunStatus v : RunStatus.values()) {
                all.add(v.name());
            }
            throw new InvalidInputException("status=" + s, "unknown status '" + s + "'"
                    + Names.suggestion(s.toUpperCase(Locale.ROOT), all) + "; statuses: " + String.join(", ", all));
        }
    }

    /**
     * @param filter a condition on a parameter
     * @return a copy with it added
     */
    public RunQuery withParam(ParamFilter filter) {
        List<ParamFilter> p = new ArrayList<>(params);
        p.add(Objects.requireNonNull(filter, "filter"));
        return new RunQuery(p, tags, statuses, name, sweep, sort, descending, limit, offset);
    }

    /**
     * @param tag a tag the runs must carry
     * @return a copy with it added
     */
    public RunQuery withTag(String tag) {
        Set<String> t = new TreeSet<>(tags);
        t.add(Objects.requireNonNull(tag, "tag"));
        return new RunQuery(params, t, statuses, name, sweep, sort, descending, limit, offset);
    }

    /**
     * @param status a status to allow (the first call restricts to it, later calls add)
     * @return a copy
     */
    public RunQuery withStatus(RunStatus status) {
        Set<RunStatus> s = statuses.isEmpty() ? EnumSet.noneOf(RunStatus.class) : EnumSet.copyOf(statuses);
        s.add(Objects.requireNonNull(status, "status"));
        return new RunQuery(params, tags, s, name, sweep, sort, descending, limit, offset);
    }

    /**
     * @param pattern the experiment name, {@code *} and {@code ?} as wildcards
     * @return a copy
     */
    public RunQuery withName(String pattern) {
        return new RunQuery(params, tags, statuses, pattern, sweep, sort, descending, limit, offset);
    }

    /**
     * @param sweepId a sweep's id
     * @return a copy listing that sweep's runs only
     */
    public RunQuery withSweep(String sweepId) {
        return new RunQuery(params, tags, statuses, name, sweepId, sort, descending, limit, offset);
    }

    /**
     * @param key the order (see {@link #sort()})
     * @param reversed whether reversed
     * @return a copy
     */
    public RunQuery sortedBy(String key, boolean reversed) {
        return new RunQuery(params, tags, statuses, name, sweep, key, reversed, limit, offset);
    }

    /**
     * @param size the page size, 0 = no limit
     * @param skip the runs to skip
     * @return a copy
     */
    public RunQuery page(int size, int skip) {
        return new RunQuery(params, tags, statuses, name, sweep, sort, descending, size, skip);
    }
}
