package org.overparam.report.internal;

/**
 * A written plot: {@code <file>.png} and {@code <file>.svg} in the report's {@code plots/} folder.
 *
 * @param file the base name, e.g. {@code loss}
 * @param title what it shows, e.g. {@code Training loss}
 * @param caption how to read it (one or two sentences, plain text)
 */
record Plot(String file, String title, String caption) {
}
