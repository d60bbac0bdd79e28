package org.overparam.api.store;

import java.util.List;

/**
 * A page of a run listing.
 *
 * @param runs the runs on this page, in the query's order
 * @param total how many runs match the query in all pages
 * @param offset the runs skipped before this page
 * @param limit the page size asked for (0 = no limit)
 */
public record RunPage(List<RunSummary> runs, long total, int offset, int limit) {
    /** Copies the list. */
    public RunPage {
        runs = List.copyOf(runs);
    }
}
