/**
 * Asymmetrical node scaling {@code asymmetric} (Caron, Ayed, Jung, Lee, Lee, Yang, arXiv 2302.01002):
 * the node weights (ours and the authors' indexing), the initializer, the reader of the authors' arrays
 * (.npy or safetensors), and an adapter that lets Commons Math's distributions draw from the run's
 * {@link org.overparam.api.RandomStream}. Private: nothing here is exported.
 */
package org.overparam.plugin.asymmetric.internal;
