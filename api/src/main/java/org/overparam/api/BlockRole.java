package org.overparam.api;

/**
 * What a parameter block is in its network, which is what a parameterization needs to know to
 * scale it: the NTK parameterization treats the input layer, hidden layers and output layer
 * differently, mean-field scales the output layer by 1/m, and asymmetrical node scaling puts a
 * per-node multiplier on the output layer.
 */
public enum BlockRole {
    /** Weights of the first layer: they read the data. */
    INPUT,
    /** Weights of a layer between the first and the last. */
    HIDDEN,
    /** Weights of the last layer: they produce the network's output. */
    OUTPUT,
    /** A bias vector (of any layer); its fan-in is 1. */
    BIAS
}
