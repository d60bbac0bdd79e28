package org.overparam.nn;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A layer's infinite-width kernel map: the NNGP covariance and the NTK of its inputs to those of
 * its outputs, for every pair of samples and spatial positions (Lee et al. 2018, arXiv 1711.00165;
 * Jacot et al. 2018, arXiv 1806.07572; Arora et al. 2019, arXiv 1904.11955).
 */
@ConsumerType
@FunctionalInterface
public interface KernelMap {
    /**
     * @param in the kernels of the layer's inputs; not modified
     * @param parameterization the convention of the weights
     * @return the kernels of its outputs
     */
    Kernels apply(Kernels in, Parameterization parameterization);
}
