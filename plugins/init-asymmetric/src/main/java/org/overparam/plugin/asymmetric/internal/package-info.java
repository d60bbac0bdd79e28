/**
 * Asymmetrical node scaling {@code asymmetric} (Caron, Ayed, Jung, Lee, Lee, Yang, arXiv 2302.01002):
 * the node weights, the initializer, and an adapter that lets Commons Math's distributions draw from
 * the run's {@link org.overparam.api.RandomStream}. Private: nothing here is exported.
 */
package org.overparam.plugin.asymmetric.internal;
