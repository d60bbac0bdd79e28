package org.overparam.engine.internal.swap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentKind;
import org.overparam.api.Model;
import org.overparam.api.Scaling;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.Guard;

/**
 * Hot swap as the step loop sees it: one hook at each step boundary, and the one owner of what is in
 * effect. It holds the components in effect ({@link InEffect}: optimizer, schedule, analyzers), the
 * model built by the architecture in effect, and the request files of the run folder
 * ({@link SwapFiles}, in-effect.txt). At a boundary the loop {@link #poll}s for a swap request
 * ({@link SwapApplier}), applies the spec's switch ({@link #switchAt}) and {@link #bind}s the step's
 * components through the {@link StepGate}, which pauses the run while one of them cannot take over.
 * A run continued from a checkpoint replays its switches and applied requests first ({@link #start}).
 */
public final class HotSwap {
    /** What the hook asks of the loop around it while the run waits at a boundary. */
    public interface Loop {
        /** @return whether a checkpoint of the run's state now, PAUSED, was written */
        boolean checkpointPaused();

        /** Handles a stop request, if there is one: writes a STOPPED checkpoint and throws {@link StopSignal}. */
        void stopIfAsked();

        /** @param message logged and sent as a NOTICE event */
        void notice(String message);

        /**
         * @param logged a line for the run log
         * @param sent the NOTICE event's message
         */
        void notice(String logged, String sent);
    }

    /**
     * What hot swap needs of the run around the loop.
     *
     * @param control the run's control (the container asking it to stop)
     * @param ledger records swaps
     * @param status where the run's status goes when it pauses and continues (the run store)
     * @param unreadable the jars of plugins/ that are not readable bundles
     */
    public record Wiring(RunControl control, SwapLedger ledger, BiConsumer<RunStatus, String> status,
                         UnreadableJars unreadable) {
    }

    private final RunSpec spec;
    private final Bindings bindings;
    private final Scaling scaling;
    private final Path folder;
    private final RunLog log;
    private final SwapLedger ledger;
    private final BiConsumer<RunStatus, String> status;
    private final InEffect effect;
    private final SwapApplier swaps;
    private final StepGate gate;
    private volatile Model model;
    private volatile Model raw;
    private boolean paused;

    /**
     * @param spec the experiment
     * @param bindings the run's lookups
     * @param model the run's model (the architecture's, with the scaling's multipliers)
     * @param scaling wraps a rebuilt raw model
     * @param build builds the raw model of an architecture for the run's data
     * @param folder the run folder
     * @param log the run log
     * @param wiring the run's swap ledger and where its status goes when it pauses
     */
    public HotSwap(RunSpec spec, Bindings bindings, Model model, Scaling scaling,
                   BiFunction<ComponentRef, Architecture, Model> build, Path folder, RunLog log, Wiring wiring) {
        this.spec = spec;
        this.bindings = bindings;
        this.model = model;
        this.scaling = scaling;
        this.folder = folder;
        this.log = log;
        this.ledger = wiring.ledger();
        this.status = wiring.status();
        this.effect = new InEffect(spec);
        this.swaps = new SwapApplier(bindings.registry(), effect);
        this.gate = new StepGate(bindings, ledger, wiring.unreadable(),
                (ref, arch) -> Guard.call(ref, () -> build.apply(ref, arch)));
    }

    /**
     * Sets what is in effect where the loop starts, and the request files: a run from step 0 drops
     * applied requests of an earlier attempt; one continued from a checkpoint replays the spec's switches
     * and the requests applied up to it, and checks that they give what the checkpoint recorded.
     *
     * @param from the checkpoint, or {@code null}
     */
    public void start(Checkpoint from) {
        if (from != null) {
            swaps.replay(from.steps(), SwapFiles.cutTo(folder, from.steps()), spec);
            effect.check(from.optimizer(), from.schedule(), from.scheduleStart(), CheckpointFile.in(folder).toString());
        } else {
            SwapFiles.cutTo(folder, -1);
        }
        SwapFiles.writeInEffect(folder, swaps.names());
    }

    /** @return the components in effect */
    public InEffect effect() {
        return effect;
    }

    /** @return the run's model now (rebuilt when an updated architecture took over) */
    public Model model() {
        return model;
    }

    /** @return the objects the run holds now: the service objects it last used and a rebuilt model */
    public List<Object> held() {
        List<Object> out = new ArrayList<>(bindings.held());
        Model m = raw;
        if (m != null) {
            out.add(m);
        }
        return out;
    }

    /**
     * @param t the boundary
     * @return whether a pending swap request was applied there
     */
    public boolean poll(long t) {
        return swaps.poll(t, folder, ledger);
    }

    /**
     * Applies the spec's switch at step t, if it has one: new optimizer and/or schedule, same state;
     * logged and sent as a NOTICE.
     *
     * @param t the index of the step about to be taken
     * @param state the optimizer's state, carried over, for the log
     * @param loop the loop, for the notice
     */
    public void switchAt(long t, Object state, Loop loop) {
        String change = effect.apply(t);
        if (change != null) {
            String message = "step " + t + ": switched " + change;
            loop.notice(message + "; optimizer state carried over: " + state, message);
            SwapFiles.writeInEffect(folder, swaps.names());
        }
    }

    /**
     * Binds the components of the step about to be taken (of the final evaluation and analysis when
     * {@code last}), pausing at this boundary while one of them cannot take over.
     *
     * @param step the boundary
     * @param last whether it is the final evaluation rather than a step
     * @param loop the loop, for checkpoints, stop requests and notices while the run waits
     * @throws StopSignal if the run is asked to stop while it waits
     */
    public void bind(long step, boolean last, Loop loop) {
        gate.pass(new StepGate.Host() {
            @Override
            public List<StepGate.Need> needs() {
                return effect.needs(step, last);
            }

            @Override
            public void paused(String why) {
                paused = true;
                boolean written = loop.checkpointPaused();
                ledger.note(step, "paused: " + why + (written ? "; checkpoint written" : ""));
                status.accept(RunStatus.PAUSED, why);
            }

            @Override
            public void resumed(String message) {
                paused = false;
                loop.notice(message);
                status.accept(RunStatus.RUNNING, "");
            }

            @Override
            public void idle() {
                loop.stopIfAsked();
                if (poll(step) && paused) {
                    loop.checkpointPaused();
                }
            }

            @Override
            public Model model() {
                return model;
            }

            @Override
            public void rebuilt(Model newRaw) {
                raw = newRaw;
                model = scaling.wrap(newRaw);
                ComponentRef arch = spec.component(ComponentKind.ARCHITECTURE);
                log.info("step " + step + ": model rebuilt with the new " + arch.kind().key() + " " + arch.name());
            }

            @Override
            public long step() {
                return step;
            }
        });
    }
}
