/**
 * The report writer: reads run folders (metrics, spec, result, log, series), draws plots with
 * XChart (embedded) and writes self-contained HTML pages. Private: nothing here is exported.
 */
package org.overparam.report.internal;
