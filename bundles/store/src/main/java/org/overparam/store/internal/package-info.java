/**
 * The run store's implementation: the H2 schema, the writes the engine makes, the queries front ends
 * make, and the CSV and JSON exports, behind {@link org.overparam.api.store.RunStore}. Private: nothing
 * here is exported.
 */
package org.overparam.store.internal;
