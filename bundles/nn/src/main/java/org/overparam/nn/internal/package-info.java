/** The layers, activations and combinators behind {@link org.overparam.nn.Layers}: private to the bundle. */
package org.overparam.nn.internal;
