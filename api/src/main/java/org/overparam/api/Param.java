package org.overparam.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents and bounds one parameter of a component's config interface (see {@link Component}).
 * The method's name is the parameter's name in experiment files, its return type the parameter's
 * type ({@code int, long, double, boolean, String} or arrays of {@code int, double, String}), its
 * default the parameter's default. A parameter without a default is required. A
 * {@linkplain #structure() structure} parameter keeps a list as written instead.
 *
 * <p>Kept at run time so help, validation and "did you mean" work the same in unit tests, on the
 * command line and in the container. *
 * <p>One home for a parameter's range: the platform checks every value against its type,
 * {@link #min()}, {@link #max()} and {@link #options()}, and that a number is finite, before a
 * component sees its {@link Config} (in runs, sweeps, {@code switch:}, hot swaps and resumes). A
 * component therefore never re-checks a single parameter's range; it checks only what depends on
 * several parameters or on the data, and names those checks in its javadoc.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Param {
    /** @return one line saying what the parameter does, with its unit or symbol */
    String value();

    /** @return the smallest allowed value of a number (or of each element of an array) */
    double min() default Double.NEGATIVE_INFINITY;

    /** @return the largest allowed value of a number (or of each element of an array) */
    double max() default Double.POSITIVE_INFINITY;

    /** @return whether {@link #min()} itself is excluded */
    boolean minExclusive() default false;

    /** @return whether {@link #max()} itself is excluded */
    boolean maxExclusive() default false;

    /** @return the allowed values of a string (or of each element of a string array); empty = any */
    String[] options() default {};

    /**
     * @return whether the parameter's value is a structure kept as written in the file: a list whose
     *     items are names, numbers, lists or mappings (a network's layers, e.g.
     *     {@code [{dense: 512}, relu]}). Its method returns {@code String[]} (default {@code {}}, or
     *     none for a required parameter), and the component reads the value with
     *     {@link Config#get(String)} as a {@code List} of {@code Long}, {@code Double},
     *     {@code Boolean}, {@code String}, {@code List} and {@code Map<String, ?>} values; overrides
     *     reach inside ({@code architecture.layers.2.dense=1024})
     * @since 1.3
     */
    boolean structure() default false;
}
