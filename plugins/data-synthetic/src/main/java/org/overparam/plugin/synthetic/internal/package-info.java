/**
 * The synthetic data set {@code sphere}: points on the unit sphere with a controlled minimum
 * distance and teacher, sine or linear targets. Private: nothing here is exported.
 */
package org.overparam.plugin.synthetic.internal;
