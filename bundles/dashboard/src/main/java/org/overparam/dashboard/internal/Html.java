package org.overparam.dashboard.internal;

import java.util.List;

/**
 * The pages' frame and escaping: every page is server-rendered HTML with the navigation, the CSRF
 * token in {@code <meta name="csrf">} and its scripts as files under {@code /static} (no inline
 * script or style: the Content-Security-Policy forbids them).
 */
final class Html {
    private Html() {
    }

    /** @return text safe in HTML content and attribute values */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * @param title the page's title
     * @param csrf the CSRF token
     * @param body the page's content (HTML)
     * @param scripts the page's scripts under /static (besides app.js)
     * @return the whole page
     */
    static String page(String title, String csrf, String body, List<String> scripts) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"csrf\" content=\"").append(esc(csrf)).append("\">")
                .append("<title>").append(esc(title)).append(" · Overparam</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/uplot/uPlot.min.css\">")
                .append("<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>")
                .append("<nav><a class=\"brand\" href=\"/runs\">Overparam</a> <a href=\"/runs\">Runs</a>")
                .append(" <a href=\"/compare\">Compare</a> <a href=\"/container\">Container</a></nav><main>")
                .append(body).append("</main>");
        b.append("<script src=\"/static/app.js\"></script>");
        for (String s : scripts) {
            b.append("<script src=\"/static/").append(esc(s)).append("\"></script>");
        }
        return b.append("</body></html>\n").toString();
    }

    /** @return a status chip */
    static String chip(String status) {
        return "<span class=\"chip chip-" + esc(status.toLowerCase(java.util.Locale.ROOT)) + "\">" + esc(status)
                + "</span>";
    }

    /** @return a table of rows of already escaped cells */
    static String table(String cls, List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table class=\"" + esc(cls) + "\"><thead><tr>");
        header.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            b.append("<tr>");
            r.forEach(c -> b.append("<td>").append(c).append("</td>"));
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }
}
