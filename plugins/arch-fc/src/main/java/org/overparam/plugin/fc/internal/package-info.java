/**
 * The fully connected architecture {@code fc}: deep dense networks with exact gradients, R-operator
 * Hessian-vector products and dense-layer NTK pieces. Private: nothing here is exported.
 */
package org.overparam.plugin.fc.internal;
