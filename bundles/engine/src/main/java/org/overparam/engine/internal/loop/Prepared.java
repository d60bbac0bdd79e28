package org.overparam.engine.internal.loop;

import java.util.List;
import java.util.Map;
import org.overparam.api.Data;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;

/**
 * A run after {@code RunSetup}: what the loop starts from.
 *
 * @param data the data
 * @param model the network as a function of raw parameters (multipliers applied)
 * @param scaling the parameterization's multipliers (tied blocks share their target's)
 * @param params the live point, owned by the run
 * @param initial a copy of the initial point
 * @param trainable per block of the layout, whether it is trained
 * @param optimizerStream the optimizer's stream, kept across steps
 * @param analyzerStreams each analyzer's stream by label, kept across calls
 * @param infos the metadata of every component as found at setup
 * @param notices what the components reported at setup (one line each, e.g. the data set's
 *     {@code normalize: unit rescaled ...}), for run.log and the terminal
 */
public record Prepared(Data data, Model model, Scaling scaling, Params params, Params initial, boolean[] trainable,
                RandomStream optimizerStream, Map<String, RandomStream> analyzerStreams,
                Map<ComponentRef, ComponentInfo> infos, List<String> notices) {
    /** Copies the notices. */
    public Prepared {
        notices = List.copyOf(notices);
    }
}
