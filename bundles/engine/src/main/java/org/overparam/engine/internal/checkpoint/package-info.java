/**
 * A run's state between two steps, on disk. {@code Checkpoint} is everything a run needs to continue
 * as if it had never stopped; {@code CheckpointCodec} and {@code BoundedInput} encode and decode its
 * body; {@code CheckpointFile} is checkpoint/checkpoint.bin in the run folder (written atomically,
 * read with every check); {@code Checkpoints} decides when a run writes one (its spec's rule, and on a
 * stop, a pause and the end). Putting a checkpoint back into a prepared run is the loop's
 * ({@code Restore}); checking a folder before a resume is the engine's ({@code Resume}). Private to
 * the engine bundle.
 */
package org.overparam.engine.internal.checkpoint;
