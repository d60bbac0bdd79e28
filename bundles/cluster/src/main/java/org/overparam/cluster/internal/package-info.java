/**
 * The cluster bundle's implementation: one embedded Hazelcast member per container, owned by the DS
 * component {@link org.overparam.cluster.internal.ClusterComponent} behind
 * {@link org.overparam.api.cluster.SweepCluster}; the coordinator, the workers, the claims with their
 * leases and the reconcile step, the shipping of run folders. Private: nothing here is exported.
 */
package org.overparam.cluster.internal;
