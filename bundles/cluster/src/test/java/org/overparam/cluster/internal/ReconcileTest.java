package org.overparam.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileTest {
    @Test
    void aRunNeitherClaimedNorQueuedInTwoStepsIsQueuedAgain() {
        Reconcile r = new Reconcile();
        List<String> open = List.of("a", "b", "c");
        assertEquals(List.of(), r.step(open, Set.of("a"), Set.of("b")), "c is missing once: not yet");
        assertEquals(List.of("c"), r.step(open, Set.of("a"), Set.of("b")));
    }

    @Test
    void aRunClaimedInBetweenIsNotQueuedAgain() {
        Reconcile r = new Reconcile();
        List<String> open = List.of("a");
        assertEquals(List.of(), r.step(open, Set.of(), Set.of()));
        assertEquals(List.of(), r.step(open, Set.of("a"), Set.of()), "taken from the queue and claimed meanwhile");
        assertEquals(List.of(), r.step(open, Set.of(), Set.of()), "missing once again after the claim: not yet");
        assertEquals(List.of("a"), r.step(open, Set.of(), Set.of()));
    }

    @Test
    void finishedRunsAreNotOpenAndNeverQueued() {
        Reconcile r = new Reconcile();
        r.step(List.of("a", "b"), Set.of(), Set.of());
        assertEquals(List.of("b"), r.step(List.of("b"), Set.of(), Set.of()));
    }
}
