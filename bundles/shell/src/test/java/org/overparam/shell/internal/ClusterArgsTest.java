package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.ClusterOptions;

class ClusterArgsTest {
    @Test
    void clusterOptionsAreTakenOutAndTheRestKeptInOrder() {
        ClusterArgs c = ClusterArgs.take("sweep", List.of("a.yaml", "--cluster", "seeds=2", "--port=6001", "--bind",
                "10.0.0.1", "--cluster-name", "lab", "--secret", "s", "--members", "3", "--parallel", "2"), k -> null);
        assertEquals(List.of("a.yaml", "seeds=2", "--parallel", "2"), c.rest());
        assertTrue(c.cluster());
        assertEquals(new ClusterOptions("10.0.0.1", 6001, null, "lab", "s", 3), c.options());
        assertFalse(c.options().loopback());
    }

    @Test
    void theSecretComesFromTheEnvironmentUnlessGiven() {
        Map<String, String> env = Map.of(ClusterArgs.SECRET_ENV, "from-env");
        assertEquals("from-env", ClusterArgs.take("worker", List.of("--join", "h:1"), env::get).options().secret());
        assertEquals("given", ClusterArgs.take("worker", List.of("--secret", "given"), env::get).options().secret());
    }

    @Test
    void badValuesAreOneLineNamingTheOption() {
        InvalidInputException port = assertThrows(InvalidInputException.class,
                () -> ClusterArgs.take("worker", List.of("--port", "70000"), k -> null));
        assertEquals("worker: --port takes a port number (1-65535), not '70000'", port.oneLine());
        InvalidInputException join = assertThrows(InvalidInputException.class,
                () -> ClusterArgs.take("worker", List.of("--join"), k -> null));
        assertEquals("worker: --join needs a value", join.oneLine());
    }

    @Test
    void anotherAddressThanLoopbackNeedsANameAndASecret() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ClusterArgs.take("sweep", List.of("--cluster", "--bind", "10.0.0.1", "--secret", "s"), k -> null));
        assertEquals("--bind: binding 10.0.0.1 (not loopback) needs a cluster name (--cluster-name) and a shared"
                + " secret (--secret or OVERPARAM_CLUSTER_SECRET)", e.oneLine());
    }

    @Test
    void clusterSettingsWithoutClusterAreRefused() {
        SweepCommand sweep = new SweepCommand(null, null, System::nanoTime, java.time.LocalDateTime::now);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> sweep.execute(
                List.of("a.yaml", "--port", "6001"), r -> null, null));
        assertTrue(e.oneLine().contains("go with --cluster or --status"), e.oneLine());
    }
}
