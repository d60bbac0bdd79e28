/**
 * The residual architecture {@code resnet} of arXiv 1811.03962 with dense or convolutional blocks,
 * exact gradients, R-operator Hessian-vector products and dense-layer NTK pieces. Private: nothing
 * here is exported.
 */
package org.overparam.plugin.resnet.internal;
