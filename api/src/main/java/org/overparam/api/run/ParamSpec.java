package org.overparam.api.run;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;

/**
 * One parameter of a component, read from its config interface (see
 * {@link org.overparam.api.Component}).
 *
 * @param name the name in experiment files
 * @param type the Java type: {@code int, long, double, boolean, String} or an array of those, or
 *     {@code List.class} for a {@linkplain Param#structure() structure} parameter
 * @param defaultValue the default, or {@code null} if the parameter is required
 * @param description one line
 * @param min the smallest allowed number
 * @param max the largest allowed number
 * @param minExclusive whether {@code min} is excluded
 * @param maxExclusive whether {@code max} is excluded
 * @param options the allowed strings; empty = any
 */
public record ParamSpec(String name, Class<?> type, Object defaultValue, String description, double min,
                        double max, boolean minExclusive, boolean maxExclusive, List<String> options) {

    /**
     * @param configType a component's config interface
     * @return its parameters, sorted by name
     */
    public static List<ParamSpec> of(Class<? extends Annotation> configType) {
        List<ParamSpec> out = new ArrayList<>();
        Method[] methods = configType.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            Param p = m.getAnnotation(Param.class);
            out.add(new ParamSpec(m.getName(), p != null && p.structure() ? List.class : m.getReturnType(),
                    m.getDefaultValue(),
                    p == null ? "" : p.value(),
                    p == null ? Double.NEGATIVE_INFINITY : p.min(), p == null ? Double.POSITIVE_INFINITY : p.max(),
                    p != null && p.minExclusive(), p != null && p.maxExclusive(),
                    p == null ? List.of() : List.of(p.options())));
        }
        return List.copyOf(out);
    }

    /** @return whether the parameter has no default */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * Converts and checks a value from a file or the command line.
     *
     * @param where the parameter's path for errors, e.g. {@code run.yaml:7: optimizer.lr}
     * @param value the value as read
     * @return the value as stored in a {@link Config}: Long, Double, Boolean, String, or a list
     * @throws InvalidInputException if it has the wrong type or is out of range; a number must also be
     *     finite (an infinite bound of the range is open), so components never re-check their ranges
     */
    public Object check(String where, Object value) {
        Object v = Config.convert(where, value, type);
        if (type == List.class) {
            return v;
        }
        if (v.getClass().isArray()) {
            int len = java.lang.reflect.Array.getLength(v);
            List<Object> list = new ArrayList<>(len);
            for (int i = 0; i < len; i++) {
                Object e = java.lang.reflect.Array.get(v, i);
                checkOne(where + "[" + i + "]", e);
                list.add(e instanceof Integer n ? Long.valueOf(n) : e);
            }
            return List.copyOf(list);
        }
        checkOne(where, v);
        return v instanceof Integer n ? Long.valueOf(n) : v;
    }

    private void checkOne(String where, Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || d < min || d > max || (minExclusive && d == min) || (maxExclusive && d == max)) {
                throw new InvalidInputException(where, "value " + v + " is out of range " + range());
            }
            if (Double.isInfinite(d)) {
                throw new InvalidInputException(where, "value " + v + " is not a finite number"
                        + (range().isEmpty() ? "" : " in " + range()));
            }
        } else if (v instanceof String s && !options.isEmpty() && !options.contains(s)) {
            String near = Names.closest(s, options);
            throw new InvalidInputException(where, "'" + s + "' is not one of " + options
                    + (near == null ? "" : " (did you mean '" + near + "'?)"));
        }
    }

    /** @return the allowed range as an interval, e.g. {@code (0, inf)}, or an empty string */
    public String range() {
        if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
            return "";
        }
        boolean openLow = minExclusive || min == Double.NEGATIVE_INFINITY;
        boolean openHigh = maxExclusive || max == Double.POSITIVE_INFINITY;
        return (openLow ? "(" : "[") + fmt(min) + ", " + fmt(max) + (openHigh ? ")" : "]");
    }

    /** @return whether the value is a structure kept as written ({@link Param#structure()}) */
    public boolean structure() {
        return type == List.class;
    }

    /** @return the type as users see it, e.g. {@code number} or {@code list of whole numbers} */
    public String typeName() {
        return Config.typeName(type).replaceFirst("^an? ", "");
    }

    /** @return the default as text, or {@code required} */
    public String defaultText() {
        if (defaultValue == null) {
            return "required";
        }
        if (defaultValue.getClass().isArray()) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(defaultValue); i++) {
                l.add(java.lang.reflect.Array.get(defaultValue, i));
            }
            return l.toString();
        }
        return defaultValue.toString();
    }

    private static String fmt(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
