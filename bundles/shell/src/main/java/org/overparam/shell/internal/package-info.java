/**
 * The command line ({@code overparam run|list|describe|help}) and the Gogo commands of scope
 * {@code op}: thin adapters over one implementation of each command, which calls only the services
 * of {@code org.overparam.api.run}. Private to the bundle.
 */
package org.overparam.shell.internal;
