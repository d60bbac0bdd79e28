package org.overparam.nn;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds the layers a {@linkplain org.overparam.api.Param#structure() structure} parameter of a
 * layer entry holds ({@code {residual: {tau: 0.5, branch: [{dense: 64}, relu]}}}), by the rules of
 * the enclosing layer list: names of {@link LayerType}s, did-you-mean, parameters checked. Handed to
 * {@link LayerType#create}.
 *
 * @since 1.1
 */
@ProviderType
public interface LayerBuilder {
    /**
     * @param param a structure parameter of the entry being created
     * @return its layers, one per item; an item that is itself a list is the {@code serial}
     *     composition of its entries (a branch of {@code parallel})
     * @throws org.overparam.api.InvalidInputException naming the entry's path and parameter, e.g.
     *     {@code layers[3].residual.branch[0]}, when an item is not a layer
     */
    List<Layer> layers(String param);
}
