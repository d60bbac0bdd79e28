package org.overparam.api;

/** The kinds of components, each with its service interface and its key in experiment files. */
public enum ComponentKind {
    /** Data sources: {@link Dataset}. */
    DATASET("dataset", Dataset.class),
    /** Network families: {@link Architecture}. */
    ARCHITECTURE("architecture", Architecture.class),
    /** Parameterizations: {@link Initializer}. */
    INITIALIZER("initializer", Initializer.class),
    /** Training objectives: {@link Loss}. */
    LOSS("loss", Loss.class),
    /** Update rules: {@link Optimizer}. */
    OPTIMIZER("optimizer", Optimizer.class),
    /** Learning-rate schedules shared by all optimizers: {@link Schedule}. */
    SCHEDULE("schedule", Schedule.class),
    /** Feasible sets for projected methods: {@link Constraint}. */
    CONSTRAINT("constraint", Constraint.class),
    /** Measurements on a schedule: {@link Analyzer}. */
    ANALYZER("analyzer", Analyzer.class);

    private final String key;
    private final Class<? extends Component> service;

    ComponentKind(String key, Class<? extends Component> service) {
        this.key = key;
        this.service = service;
    }

    /** @return the key in experiment files, e.g. {@code optimizer} */
    public String key() {
        return key;
    }

    /** @return the service interface */
    public Class<? extends Component> service() {
        return service;
    }

    /**
     * @param key a key such as {@code optimizer}
     * @return its kind, or {@code null} if none
     */
    public static ComponentKind byKey(String key) {
        for (ComponentKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
