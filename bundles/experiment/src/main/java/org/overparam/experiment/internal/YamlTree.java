package org.overparam.experiment.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.function.IntFunction;
import org.overparam.api.InvalidInputException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link Node} tree with Jackson's streaming YAML parser, recording the line
 * of every key and value ({@link JsonParser#currentTokenLocation()}). Numbers become {@code Long} or
 * {@code Double}; aliases, duplicate keys and several documents in one text are refused. Every
 * problem is an {@link InvalidInputException} located at its line, with a one-line message.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /**
     * @param text the YAML text
     * @param at turns a 1-based line number into a location, e.g. {@code line -> "run.yaml:" + line}
     * @return the document's root, or {@code null} if the text holds no document (empty or comments)
     * @throws InvalidInputException if the text is not valid YAML or repeats a key
     */
    static Node parse(String text, IntFunction<String> at) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            Node root = read(p, t, at);
            if (p.nextToken() != null) {
                throw new InvalidInputException(at.apply(line(p)),
                        "a second YAML document ('---') was found; an experiment file holds one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(e, body, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node read(JsonParser p, JsonToken t, IntFunction<String> at) throws IOException {
        String where = at.apply(line(p));
        switch (t) {
            case START_OBJECT: {
                Node.Mapping m = Node.Mapping.empty(where);
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    String keyWhere = at.apply(line(p));
                    Node.Entry first = m.entries().get(key);
                    if (first != null) {
                        throw new InvalidInputException(keyWhere, "duplicate key '" + key + "' (first given at "
                                + first.keyWhere() + ")");
                    }
                    Node value = read(p, p.nextToken(), at);
                    m.entries().put(key, new Node.Entry(keyWhere, value));
                }
                return m;
            }
            case START_ARRAY: {
                ArrayList<Node> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(read(p, i, at));
                }
                return new Node.Sequence(items, where);
            }
            case VALUE_STRING:
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    throw new InvalidInputException(where, "aliases (*" + p.getText()
                            + ") are not supported; write the value out");
                }
                return new Node.Scalar(p.getText(), p.getText(), where);
            case VALUE_NUMBER_INT:
                return new Node.Scalar(integer(p), p.getText(), where);
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(p.getDoubleValue(), p.getText(), where);
            case VALUE_TRUE:
                return new Node.Scalar(Boolean.TRUE, p.getText(), where);
            case VALUE_FALSE:
                return new Node.Scalar(Boolean.FALSE, p.getText(), where);
            case VALUE_NULL:
                return new Node.Scalar(null, null, where);
            default:
                throw new InvalidInputException(where, "unexpected YAML content (" + t + ")");
        }
    }

    private static Object integer(JsonParser p) throws IOException {
        Number n = p.getNumberValue();
        if (n instanceof BigInteger b && b.bitLength() >= Long.SIZE) {
            return b.doubleValue();
        }
        return n.longValue();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** The parser's message, first line only, located at the problem's line. */
    private static InvalidInputException malformed(JsonProcessingException e, String text, IntFunction<String> at) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblem() != null) {
                Mark problem = m.getProblemMark();
                Mark context = m.getContextMark();
                boolean atEnd = problem == null || problem.getIndex() >= text.length();
                Mark mark = atEnd && context != null ? context : problem;
                String message = firstLine(m.getProblem());
                if (m.getContext() != null) {
                    message += " " + firstLine(m.getContext());
                }
                int line = mark != null ? mark.getLine() + 1 : Math.max(1, e.getLocation().getLineNr());
                return new InvalidInputException(at.apply(line), "malformed YAML: " + message);
            }
        }
        int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
        return new InvalidInputException(at.apply(line), "malformed YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
