/**
 * The data set {@code csv}: a table from a CSV file, one sample per row. Private: nothing here is
 * exported.
 */
package org.overparam.plugin.csv.internal;
