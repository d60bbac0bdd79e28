package org.overparam.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RefusedJoinsTest {
    @Test
    void theMastersRefusalOfAJoinRequestIsOneLineNamingTheMember() {
        assertEquals("cluster: refused the member at [127.0.0.1]:5802: its cluster name or secret differs from this"
                + " cluster's", RefusedJoins.line("[127.0.0.1]:5801 [good] [5.5.0] Received an invalid join request"
                + " from [127.0.0.1]:5802, cause: members part of different cluster"));
        assertEquals("cluster: refused the member at [10.0.0.7]:5701: Incompatible partition count",
                RefusedJoins.line("Received an invalid join request from [10.0.0.7]:5701, cause: Incompatible partition"
                        + " count"));
        assertNull(RefusedJoins.line("[127.0.0.1]:5801 [good] [5.5.0] Members {size:2, ver:2} ["));
        assertNull(RefusedJoins.line(null));
    }
}
