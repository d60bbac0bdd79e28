package org.overparam.experiment.internal;

import org.overparam.api.InvalidInputException;
import org.overparam.api.run.CheckpointRule;
import org.overparam.api.run.StopRule;

/**
 * The keys that bound a run in time: {@code stop} ({@code maxSteps}, at least 1 and required;
 * {@code targetLoss}, at least 0, default 0 = no target; {@code maxSteps} beyond the range of a
 * whole number is refused, never clamped) and {@code checkpoint} ({@code every}, a whole number of
 * steps at least 0, 0 turning checkpoints off; {@link CheckpointRule#DEFAULT} when absent).
 */
final class Limits {
    private Limits() {
    }

    /**
     * @param doc the document
     * @return its {@code checkpoint} rule, {@link CheckpointRule#DEFAULT} when absent
     * @throws InvalidInputException at the line of a bad key or value
     */
    static CheckpointRule checkpoint(Node.Mapping doc) {
        Node.Entry entry = doc.entries().get("checkpoint");
        if (entry == null || entry.value() instanceof Node.Scalar s && s.value() == null) {
            return CheckpointRule.DEFAULT;
        }
        if (!(entry.value() instanceof Node.Mapping m)) {
            throw new InvalidInputException(entry.value().where() + ": checkpoint", "expected a mapping such as "
                    + "{every: 500} (steps between checkpoints; 0 = none), got " + entry.value().describe());
        }
        m.entries().forEach((key, e) -> {
            if (!SpecResolver.CHECKPOINT_KEYS.contains(key)) {
                throw new InvalidInputException(e.keyWhere(), SpecResolver.unknownKey("checkpoint." + key, key,
                        SpecResolver.CHECKPOINT_KEYS));
            }
        });
        Node every = m.get("every");
        if (every == null) {
            return CheckpointRule.DEFAULT;
        }
        long steps = (Long) SpecResolver.scalar(every, "checkpoint.every", long.class);
        if (steps < 0) {
            throw new InvalidInputException(every.where() + ": checkpoint.every", "every " + steps
                    + " is negative (steps between checkpoints; 0 = none)");
        }
        return new CheckpointRule(steps);
    }

    /**
     * @param doc the document
     * @return its {@code stop} rule
     * @throws InvalidInputException if it is missing, or at the line of a bad key or value
     */
    static StopRule stop(Node.Mapping doc) {
        Node.Entry entry = doc.entries().get("stop");
        if (entry == null) {
            throw new InvalidInputException(doc.where(),
                    "missing key 'stop' (when to stop, e.g. stop: {maxSteps: 1000})");
        }
        if (!(entry.value() instanceof Node.Mapping stop)) {
            throw new InvalidInputException(entry.value().where() + ": stop", "expected a mapping such as "
                    + "{maxSteps: 1000, targetLoss: 1.0e-7}, got " + entry.value().describe());
        }
        stop.entries().forEach((key, e) -> {
            if (!SpecResolver.STOP_KEYS.contains(key)) {
                throw new InvalidInputException(e.keyWhere(), SpecResolver.unknownKey("stop." + key, key,
                        SpecResolver.STOP_KEYS));
            }
        });
        Node max = stop.get("maxSteps");
        if (max == null) {
            throw new InvalidInputException(entry.keyWhere(), "stop needs maxSteps (the step budget, at least 1)");
        }
        long maxSteps = (Long) SpecResolver.scalar(max, "stop.maxSteps", long.class);
        if (maxSteps < 1) {
            throw new InvalidInputException(max.where() + ": stop.maxSteps", "maxSteps " + maxSteps + " is below 1");
        }
        double target = 0;
        if (stop.get("targetLoss") != null) {
            target = (Double) SpecResolver.scalar(stop.get("targetLoss"), "stop.targetLoss", double.class);
            if (Double.isNaN(target)) {
                throw new InvalidInputException(stop.get("targetLoss").where() + ": stop.targetLoss",
                        "targetLoss is not a number");
            }
            if (target < 0) {
                throw new InvalidInputException(stop.get("targetLoss").where() + ": stop.targetLoss", "targetLoss "
                        + target + " is negative; a loss never falls below 0 (0 = no target)");
            }
        }
        return new StopRule(maxSteps, target);
    }
}
