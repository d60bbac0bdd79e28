package org.overparam.dashboard.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.store.RunPage;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * The Runs page: the run store's table with the filters of {@code runs} (one text field:
 * {@code status=CONVERGED architecture.width>=512 tag=paper}), the sort and the page; status
 * chips; each id links to its run page; checked rows open in Compare. runs.js keeps the table and the
 * pager live from {@code /api/events/runs} with the same parameters (new runs, status changes).
 */
final class RunsPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private final RunStore store;
    private final Path runs;

    RunsPage(RunStore store, Path runs) {
        this.store = store;
        this.runs = runs;
    }

    String render(Map<String, String[]> params, String csrf) {
        String q = Lookup.first(params, "q", "");
        String sort = Lookup.first(params, "sort", "");
        RunQuery query = Lookup.query(params);
        StringBuilder b = new StringBuilder("<h1>Runs</h1>");
        b.append("<form class=\"filters\" method=\"get\" action=\"/runs\">")
                .append("<label>Filters <input id=\"q\" name=\"q\" size=\"48\" value=\"").append(Html.esc(q))
                .append("\" placeholder=\"status=CONVERGED architecture.width&gt;=512\"></label> ")
                .append("<label>Sort <input name=\"sort\" size=\"14\" value=\"").append(Html.esc(sort))
                .append("\" placeholder=\"-created\"></label> <button type=\"submit\">Apply</button></form>");
        RunPage page;
        try {
            page = store.runs(runs, query);
        } catch (InvalidInputException e) {
            if (e.getMessage() != null && e.getMessage().contains("no run store")) {
                return Html.page("Runs", csrf, b + "<p>No runs yet in " + Html.esc(runs.toString()) + ".</p>",
                        List.of("runs.js"));
            }
            throw e;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunSummary s : page.runs()) {
            String id = Html.esc(s.id());
            rows.add(List.of("<input type=\"checkbox\" form=\"compare\" name=\"run\" value=\"" + id + "\">",
                    "<a href=\"/run/" + id + "\">" + id + "</a>", Html.chip(s.status().name()),
                    Long.toString(s.seed()), Long.toString(s.steps()),
                    Double.isNaN(s.loss()) ? "" : String.format(Locale.ROOT, "%.4g", s.loss()),
                    Double.isNaN(s.seconds()) ? "" : String.format(Locale.ROOT, "%.1f", s.seconds()),
                    TIME.format(s.created()), s.sweep().isEmpty() ? "" : "<a href=\"/sweep/" + Html.esc(s.sweep()) + "\">"
                            + Html.esc(s.sweep()) + "</a>", Html.esc(String.join(", ", s.tags()))));
        }
        b.append("<form id=\"compare\" method=\"get\" action=\"/compare\"><button type=\"submit\">Compare checked"
                + " (2–6)</button></form>");
        b.append("<div id=\"runs-table\">").append(Html.table("runs", List.of("", "id", "status", "seed", "steps",
                "loss", "seconds", "created (UTC)", "sweep", "tags"), rows)).append("</div>");
        long to = page.offset() + (long) page.runs().size();
        b.append("<p id=\"pager\" class=\"pager\">runs ").append(page.runs().isEmpty() ? 0 : page.offset() + 1).append('–')
                .append(to).append(" of ").append(page.total());
        int limit = page.limit() == 0 ? Lookup.PAGE : page.limit();
        if (page.offset() > 0) {
            b.append(" <a href=\"").append(link(q, sort, Math.max(0, page.offset() - limit))).append("\">previous</a>");
        }
        if (to < page.total()) {
            b.append(" <a href=\"").append(link(q, sort, (int) to)).append("\">next</a>");
        }
        b.append("</p>");
        return Html.page("Runs", csrf, b.toString(), List.of("runs.js"));
    }

    private static String link(String q, String sort, int offset) {
        return Html.esc("/runs?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&sort="
                + URLEncoder.encode(sort, StandardCharsets.UTF_8) + "&offset=" + offset);
    }
}
