package org.overparam.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.html.HtmlEscapers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the self-contained HTML of reports: one page with its style inline (no external CSS or
 * JavaScript), text escaped, plots as relative links to {@code plots/<name>.png} (shown) and
 * {@code .svg} (linked).
 */
final class Html {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;max-width:1000px;
            padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
            td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:.8em;overflow:auto;font-size:.85em}
            figure{margin:1.2em 0}figure img{max-width:100%;border:1px solid #eee}
            figcaption{font-size:.9em;color:#444}.status{font-weight:bold}
            .CONVERGED,.COMPLETED{color:#1a7f37}.DIVERGED,.FAILED{color:#cf222e}.STOPPED,.UNKNOWN,.RUNNING{color:#9a6700}
            nav a{margin-right:1em}.muted{color:#777}
            """;
    private final StringBuilder b = new StringBuilder();

    /** @param title the page title */
    Html(String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    /**
     * @param text any text
     * @return it with {@code & < > " '} escaped
     */
    static String escape(String text) {
        return HtmlEscapers.htmlEscaper().escape(text);
    }

    /**
     * @param raw HTML to append as it is
     * @return this
     */
    Html raw(String raw) {
        b.append(raw);
        return this;
    }

    /**
     * @param tag a tag, e.g. {@code h2}
     * @param text its text (escaped)
     * @return this
     */
    Html tag(String tag, String text) {
        b.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /**
     * @param text a preformatted block (escaped)
     * @return this
     */
    Html pre(String text) {
        return tag("pre", text);
    }

    /**
     * @param prefix the path from the page to the plots folder, e.g. {@code plots/}
     * @param plot a written plot
     * @return this, with the PNG shown, linked to its SVG, and the caption
     */
    Html figure(String prefix, Plot plot) {
        String png = escape(prefix + plot.file() + ".png");
        String svg = escape(prefix + plot.file() + ".svg");
        b.append("<figure id=\"").append(escape(plot.file())).append("\"><a href=\"").append(svg)
                .append("\"><img src=\"").append(png).append("\" alt=\"").append(escape(plot.title()))
                .append("\" width=\"").append(Charts.WIDTH).append("\"></a>\n<figcaption><b>")
                .append(escape(plot.title())).append("</b>. ").append(escape(plot.caption()))
                .append(" <a href=\"").append(png).append("\">PNG</a> · <a href=\"").append(svg)
                .append("\">SVG</a></figcaption></figure>\n");
        return this;
    }

    /**
     * @param header the column titles
     * @param rows the cells, already HTML (escape text with {@link #escape}); a cell starting with
     *     {@code \u0000} is a number, right-aligned
     * @return this
     */
    Html table(List<String> header, List<List<String>> rows) {
        b.append("<table>\n<tr>");
        for (String h : header) {
            b.append("<th>").append(escape(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (String cell : row) {
                if (cell.startsWith("\u0000")) {
                    b.append("<td class=\"num\">").append(cell.substring(1)).append("</td>");
                } else {
                    b.append("<td>").append(cell).append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        return this;
    }

    /**
     * @param text a number's text
     * @return a table cell marked as a number (escaped)
     */
    static String num(String text) {
        return "\u0000" + escape(text);
    }

    /**
     * Any JSON as HTML: an object as a two-column table (nested values rendered the same way), an
     * array of objects as a table with the union of their keys as columns, an array of scalars as a
     * comma-separated list, a scalar as its text. New fields in {@code result.json} (provenance,
     * timings, bundles) thus appear without a change here.
     *
     * @param node the value
     * @return its HTML
     */
    static String json(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "<span class=\"muted\">-</span>";
        }
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("<table>");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(json(e.getValue()))
                        .append("</td></tr>");
            }
            return out.append("</table>").toString();
        }
        if (node.isArray()) {
            boolean objects = node.size() > 0;
            for (JsonNode e : node) {
                objects &= e.isObject();
            }
            if (!objects) {
                List<String> parts = new ArrayList<>();
                node.forEach(e -> parts.add(json(e)));
                return String.join(", ", parts);
            }
            Set<String> keys = new LinkedHashSet<>();
            node.forEach(e -> e.fieldNames().forEachRemaining(keys::add));
            StringBuilder out = new StringBuilder("<table><tr>");
            keys.forEach(k -> out.append("<th>").append(escape(k)).append("</th>"));
            out.append("</tr>");
            for (JsonNode e : node) {
                out.append("<tr>");
                keys.forEach(k -> out.append("<td>").append(json(e.get(k))).append("</td>"));
                out.append("</tr>");
            }
            return out.append("</table>").toString();
        }
        return escape(node.asText());
    }

    /** @return the page, closed */
    String end() {
        return b + "</body>\n</html>\n";
    }
}
