/**
 * Full-batch gradient descent {@code gd} and the {@code constant} schedule. Private: nothing here is
 * exported.
 */
package org.overparam.plugin.gd.internal;
