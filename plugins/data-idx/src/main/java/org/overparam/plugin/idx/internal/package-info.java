/**
 * The data set {@code idx}: images and labels from IDX files (the format of MNIST and
 * Fashion-MNIST). Private: nothing here is exported.
 */
package org.overparam.plugin.idx.internal;
