package org.overparam.cluster.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reconcile step: a run that is neither finished, refused, claimed nor queued has lost its member
 * (its claim was dropped when the member left, or its lease ran out) and goes back into the queue. A key
 * must be found missing in two consecutive steps, so that one a member has just taken from the queue and
 * not yet claimed is not queued twice; a run that is queued twice anyway runs twice and is stored once
 * (results are keyed by the run's key).
 */
final class Reconcile {
    private Set<String> missingBefore = new HashSet<>();

    /**
     * @param open the keys without a result or refusal
     * @param claimed the keys claimed now
     * @param queued the keys in the queue now
     * @return the keys to queue again
     */
    List<String> step(Collection<String> open, Set<String> claimed, Set<String> queued) {
        List<String> requeue = new ArrayList<>();
        Set<String> missing = new HashSet<>();
        for (String k : open) {
            if (!claimed.contains(k) && !queued.contains(k)) {
                if (missingBefore.contains(k)) {
                    requeue.add(k);
                } else {
                    missing.add(k);
                }
            }
        }
        missingBefore = missing;
        return requeue;
    }
}
