/**
 * The {@code serial} architecture: networks written in experiment files as lists of named layers
 * ({@code org.overparam.nn.LayerType} services, the shipped ones registered here). Private: nothing
 * here is exported.
 */
package org.overparam.plugin.serial.internal;
