package org.overparam.api;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameter values of one component in one run, already validated against its schema by the
 * engine. Read them through the component's config interface: {@code ctx.config().as(Config.class)};
 * a parameter the run does not set takes the interface method's default.
 *
 * <p>Values are {@code Long}, {@code Double}, {@code Boolean}, {@code String} or lists of those;
 * {@link #as} converts them to the method's return type. A {@linkplain Param#structure() structure}
 * parameter's value is an unmodifiable {@code List} whose items may also be lists and mappings
 * ({@code Map<String, ?>}, in the order written); read it with {@link #get}.
 */
public final class Config {
    private static final Config EMPTY = new Config(Map.of());
    private final Map<String, Object> values;

    private Config(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @param values parameter values by name (copied)
     * @return the config
     */
    public static Config of(Map<String, ?> values) {
        return new Config(Collections.unmodifiableMap(new TreeMap<>(values)));
    }

    /** @return a config with no values set: every parameter takes its default */
    public static Config empty() {
        return EMPTY;
    }

    /** @return the values set explicitly, sorted by name (unmodifiable) */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * @param name a parameter
     * @return its explicit value, or {@code null}
     */
    public Object get(String name) {
        return values.get(name);
    }

    /** @return the names set explicitly */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * @param name a parameter
     * @param value its new value
     * @return a copy with that value set
     */
    public Config with(String name, Object value) {
        Map<String, Object> m = new TreeMap<>(values);
        m.put(name, value);
        return new Config(Collections.unmodifiableMap(m));
    }

    /**
     * @param type the component's config interface
     * @param <A> its type
     * @return a view whose methods return this config's values, or the methods' defaults
     * @throws InvalidInputException if a required parameter (one without default) is not set
     */
    public <A> A as(Class<A> type) {
        InvocationHandler h = (proxy, method, args) -> value(type, method);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private Object value(Class<?> type, Method m) {
        switch (m.getName()) {
            case "toString": return type.getSimpleName() + values;
            case "hashCode": return values.hashCode();
            case "annotationType": return type;
            case "equals": return false;
            default: break;
        }
        Object v = values.get(m.getName());
        if (v == null) {
            v = m.getDefaultValue();
            if (v == null) {
                throw new InvalidInputException(m.getName(), "required parameter is not set");
            }
            return v;
        }
        return convert(m.getName(), v, m.getReturnType());
    }

    /**
     * Converts a value read from a file (number, boolean, string or list) to a Java type.
     *
     * @param name the parameter, for the error message
     * @param v the value
     * @param target {@code int, long, double, boolean, String} or an array of those, or
     *     {@code List.class} for a {@linkplain Param#structure() structure}
     * @return the converted value
     * @throws InvalidInputException if the value is of the wrong type, or a whole number beyond the
     *     target's range (never clamped)
     */
    public static Object convert(String name, Object v, Class<?> target) {
        if (target == List.class) {
            List<?> list = v instanceof List<?> l ? l : v.getClass().isArray() ? arrayToList(v) : null;
            if (list == null) {
                throw new InvalidInputException(name, "expected a list, got " + describe(v));
            }
            return structure(name, list);
        }
        if (target.isArray()) {
            List<?> list = v instanceof List<?> l ? l : v.getClass().isArray() ? arrayToList(v) : List.of(v);
            Object arr = Array.newInstance(target.getComponentType(), list.size());
            for (int i = 0; i < list.size(); i++) {
                Array.set(arr, i, convert(name + "[" + i + "]", list.get(i), target.getComponentType()));
            }
            return arr;
        }
        if (target == String.class) {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
        } else if (target == boolean.class || target == Boolean.class) {
            if (v instanceof Boolean) {
                return v;
            }
            if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
                return Boolean.valueOf(s);
            }
        } else if (target == double.class || target == Double.class) {
            Double d = number(v);
            if (d != null) {
                return d;
            }
        } else if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            boolean isInt = target == int.class || target == Integer.class;
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                long w = ((Number) v).longValue();
                if (isInt && (w > Integer.MAX_VALUE || w < Integer.MIN_VALUE)) {
                    throw beyond(name, v, true);
                }
                return isInt ? (Object) (int) w : (Object) w;
            }
            Double d = number(v);
            if (d != null && d == Math.rint(d) && !Double.isInfinite(d)) {
                if (isInt && (d > Integer.MAX_VALUE || d < Integer.MIN_VALUE)) {
                    throw beyond(name, v, true);
                }
                if (d >= 0x1p63 || d < -0x1p63) {
                    throw beyond(name, v, false);
                }
                return isInt ? (Object) d.intValue() : (Object) d.longValue();
            }
            throw new InvalidInputException(name, "expected a whole number, got " + describe(v));
        }
        throw new InvalidInputException(name, "expected " + typeName(target) + ", got " + describe(v));
    }

    /** @return an unmodifiable deep copy of a structure's value, whole numbers as {@code Long} */
    private static Object structure(String name, Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new java.util.ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(structure(name + "[" + i + "]", list.get(i)));
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new InvalidInputException(name, "expected names as keys, got " + e.getKey());
                }
                out.put(key, structure(name + "." + key, e.getValue()));
            }
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof String) {
            return v;
        }
        throw new InvalidInputException(name, "no value given");
    }

    /** @return the error for a whole number beyond an {@code int} parameter's or any whole number's range */
    private static InvalidInputException beyond(String name, Object v, boolean isInt) {
        return new InvalidInputException(name, v + (isInt ? " is beyond the range of this parameter (" + Integer.MIN_VALUE
                + " to " + Integer.MAX_VALUE + ")" : " is beyond the range of a whole number (" + Long.MIN_VALUE + " to "
                + Long.MAX_VALUE + ")"));
    }

    /**
     * @param target a parameter type
     * @return its name as users see it, e.g. {@code number}
     */
    public static String typeName(Class<?> target) {
        if (target == List.class) {
            return "a list of entries";
        }
        if (target.isArray()) {
            return "a list of " + typeName(target.getComponentType()).replaceFirst("^an? ", "") + "s";
        }
        if (target == int.class || target == long.class) {
            return "a whole number";
        }
        if (target == double.class) {
            return "a number";
        }
        if (target == boolean.class) {
            return "true or false";
        }
        return "a string";
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String describe(Object v) {
        if (v instanceof String) {
            return "'" + v + "'";
        }
        return v instanceof List<?> ? "a list " + v : v.toString();
    }

    private static List<Object> arrayToList(Object arr) {
        Object[] out = new Object[Array.getLength(arr)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Array.get(arr, i);
        }
        return Arrays.asList(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
