/**
 * The analyzer {@code pruning}: node pruning by {@code lambda_j u_j^2} and feature ranking for
 * transfer (arXiv 2302.01002). Private: nothing here is exported.
 */
package org.overparam.plugin.pruning.internal;
