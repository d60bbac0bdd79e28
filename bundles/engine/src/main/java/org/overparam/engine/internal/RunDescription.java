package org.overparam.engine.internal;

import java.util.Map;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.Switch;
import org.overparam.engine.internal.folder.Events;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.loop.Prepared;

/**
 * The lines a run logs about itself before its first step: the setup's notices (also sent as NOTICE
 * events), each component with its bundle and configuration, the data, the model and its frozen
 * blocks, the stop rule and the switches planned.
 */
final class RunDescription {
    private RunDescription() {
    }

    /**
     * @param p the prepared run
     * @param spec its spec
     * @param log its run.log
     * @param events its listener
     */
    static void log(Prepared p, RunSpec spec, RunLog log, Events events) {
        for (String notice : p.notices()) {
            log.info("notice: " + notice);
            events.notice(0, Double.NaN, notice);
        }
        for (Map.Entry<ComponentRef, ComponentInfo> e : p.infos().entrySet()) {
            ComponentRef r = e.getKey();
            log.info(r.kind().key() + " " + r.name() + " (" + e.getValue().bundle() + " " + e.getValue().version()
                    + ") " + r.config().values());
        }
        log.info("data: " + p.data().description() + "; " + p.data().train().n() + " training and "
                + p.data().test().n() + " test samples of shape " + p.data().train().inputShape() + ", "
                + p.data().train().outputSize() + " outputs");
        StringBuilder frozen = new StringBuilder();
        for (int i = 0; i < p.trainable().length; i++) {
            if (!p.trainable()[i]) {
                frozen.append(frozen.length() == 0 ? "" : ", ").append(p.model().layout().block(i).name());
            }
        }
        log.info("model: " + p.model().layout().size() + " parameters in " + p.model().layout() + "; frozen: "
                + (frozen.length() == 0 ? "none" : frozen));
        log.info("stop: at most " + spec.stop().maxSteps() + " steps"
                + (spec.stop().targetLoss() > 0 ? ", or at loss <= " + spec.stop().targetLoss() : ""));
        for (Switch s : spec.switches()) {
            String opt = s.optimizer() == null ? ""
                    : " optimizer " + s.optimizer().name() + " " + s.optimizer().config().values();
            String sched = s.schedule() == null ? ""
                    : " schedule " + s.schedule().name() + " " + s.schedule().config().values();
            log.info("switch planned at step " + s.at() + ":" + opt + sched);
        }
    }
}
