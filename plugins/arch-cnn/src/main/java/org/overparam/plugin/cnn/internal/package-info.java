/**
 * The convolutional architecture {@code cnn}: 1-D and 2-D convolutions through im2col and gemm,
 * with exact gradients and R-operator Hessian-vector products. Private: nothing here is exported.
 */
package org.overparam.plugin.cnn.internal;
