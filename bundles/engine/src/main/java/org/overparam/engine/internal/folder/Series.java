package org.overparam.engine.internal.folder;

/**
 * One metric's history, as a run's {@link MetricStore} holds it and a checkpoint stores it.
 *
 * @param steps the steps, in recording order
 * @param values the values, as many
 */
public record Series(long[] steps, double[] values) {
}
