/**
 * The gated surrogate {@code gated} of arXiv 2101.04243 (fixed activation patterns from a frozen
 * copy of the initial weights), with exact derivatives, and its exact conversion to a plain ReLU
 * network (the analyzer {@code gated-convert}; see docs/gated-conversion.md). Private: nothing
 * here is exported.
 */
package org.overparam.plugin.gated.internal;
