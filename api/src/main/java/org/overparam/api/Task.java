package org.overparam.api;

/** What a data set asks of a model: which metrics make sense and which losses fit. */
public enum Task {
    /** Real-valued targets; reported as risk (loss) only. */
    REGRESSION,
    /** Class labels with one-hot targets; accuracy is reported too. */
    CLASSIFICATION
}
