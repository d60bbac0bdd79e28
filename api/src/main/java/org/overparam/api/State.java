package org.overparam.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named state that belongs to the run: an optimizer's momentum buffers and counters, an analyzer's
 * reference kernel. The engine stores it in checkpoints and hands it to whichever component runs
 * next, so a component keeps nothing between calls.
 *
 * <p>Rule when a run switches optimizer: the state is carried over as it is. A component reads the
 * entries it knows by name ({@code velocity}, {@code previous}) and creates the ones it misses as
 * zeros through the get-or-create methods, so GD → Nesterov at step k starts Nesterov with zero
 * velocity and Nesterov → heavy ball keeps the velocity.
 */
public final class State {
    private final Map<String, Params> params = new LinkedHashMap<>();
    private final Map<String, double[]> arrays = new LinkedHashMap<>();
    private final Map<String, Double> scalars = new LinkedHashMap<>();

    /**
     * @param name the buffer's name
     * @param layout its layout
     * @return the buffer, created as zeros if absent or of another layout
     */
    public Params params(String name, Layout layout) {
        Params p = params.get(name);
        if (p == null || !p.layout().equals(layout)) {
            p = Params.zeros(layout);
            params.put(name, p);
        }
        return p;
    }

    /**
     * @param name a buffer name
     * @return whether it exists
     */
    public boolean hasParams(String name) {
        return params.containsKey(name);
    }

    /**
     * @param name the array's name
     * @param length its length
     * @return the array, zeros if absent or of another length
     */
    public double[] array(String name, int length) {
        double[] a = arrays.get(name);
        if (a == null || a.length != length) {
            a = new double[length];
            arrays.put(name, a);
        }
        return a;
    }

    /**
     * @param name an array name
     * @return whether it exists
     */
    public boolean hasArray(String name) {
        return arrays.containsKey(name);
    }

    /**
     * @param name the scalar's name
     * @param absent the value if unset
     * @return the value
     */
    public double scalar(String name, double absent) {
        return scalars.getOrDefault(name, absent);
    }

    /**
     * @param name the scalar's name
     * @param value its new value
     */
    public void setScalar(String name, double value) {
        scalars.put(name, value);
    }

    /** @return the buffers by name (live, modifiable: for checkpoints) */
    public Map<String, Params> allParams() {
        return params;
    }

    /** @return the arrays by name (live, modifiable: for checkpoints) */
    public Map<String, double[]> allArrays() {
        return arrays;
    }

    /** @return the scalars by name (live, modifiable: for checkpoints) */
    public Map<String, Double> allScalars() {
        return scalars;
    }

    /** @return a deep copy */
    public State copy() {
        State s = new State();
        params.forEach((k, v) -> s.params.put(k, v.copy()));
        arrays.forEach((k, v) -> s.arrays.put(k, v.clone()));
        s.scalars.putAll(scalars);
        return s;
    }

    /** @return whether nothing is stored */
    public boolean isEmpty() {
        return params.isEmpty() && arrays.isEmpty() && scalars.isEmpty();
    }

    @Override
    public String toString() {
        return "State" + Collections.unmodifiableSet(params.keySet()) + arrays.keySet() + scalars;
    }
}
