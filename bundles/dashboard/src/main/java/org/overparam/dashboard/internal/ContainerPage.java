package org.overparam.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.StaleRevision;

/**
 * The Container page: bundles with version and state, the plugins folder, the components by kind
 * (what {@code list} shows), the stale revisions (what {@code stale} shows), and a jar upload into
 * the plugins folder with the verify report shown before it is installed; container.js keeps the tables live from {@code /api/container/events}.
 */
final class ContainerPage {
    private final ContainerView view;

    ContainerPage(ContainerView view) {
        this.view = view;
    }

    String render(String csrf) {
        StringBuilder b = new StringBuilder("<h1>Container</h1>");
        b.append("<section><h2>Add a plugin</h2><form id=\"upload-form\"><input id=\"upload-file\" type=\"file\"")
                .append(" accept=\".jar\"> <button id=\"upload\" type=\"submit\">Upload</button></form>")
                .append("<p id=\"action-message\" class=\"message\" role=\"status\"></p>")
                .append("<p id=\"action-error\" class=\"error\" role=\"alert\"></p>")
                .append("<p class=\"hint\">The jar is checked as <code>overparam verify JAR</code> checks it and installed")
                .append(" only if every check passes; the report:</p><pre id=\"verify-report\"></pre></section>");
        List<List<String>> components = new ArrayList<>();
        for (ComponentInfo c : view.components()) {
            components.add(List.of(Html.esc(c.kind().key()), Html.esc(c.name()), Html.esc(c.description()),
                    Html.esc(c.bundle()), Html.esc(c.version())));
        }
        b.append("<section><h2>Components</h2><div id=\"components\">")
                .append(Html.table("components", List.of("kind", "name", "description", "bundle", "version"), components))
                .append("</div></section>");
        List<List<String>> plugins = new ArrayList<>();
        view.plugins().forEach(p -> plugins.add(List.of(Html.esc(p))));
        b.append("<section><h2>Plugins folder</h2><p>").append(Html.esc(String.valueOf(view.pluginsFolder())))
                .append("</p><div id=\"plugins\">").append(Html.table("plugins", List.of("jar"), plugins))
                .append("</div></section>");
        List<List<String>> stale = new ArrayList<>();
        for (StaleRevision s : view.stale()) {
            stale.add(List.of(Long.toString(s.bundleId()), Html.esc(s.bundle()), Html.esc(s.version()),
                    s.uninstalled() ? "uninstalled" : "updated", Html.esc(String.join(", ", s.runs()))));
        }
        b.append("<section><h2>Stale revisions</h2><div id=\"stale\">")
                .append(Html.table("stale", List.of("id", "bundle", "version", "why", "runs holding it"), stale))
                .append("</div></section>");
        List<List<String>> bundles = new ArrayList<>();
        for (ContainerView.BundleRow r : view.bundles()) {
            bundles.add(List.of(Long.toString(r.id()), Html.esc(r.name()), Html.esc(r.version()), Html.esc(r.state())));
        }
        b.append("<section><h2>Bundles</h2><div id=\"bundles\">")
                .append(Html.table("bundles", List.of("id", "bundle", "version", "state"), bundles))
                .append("</div></section>");
        return Html.page("Container", csrf, b.toString(), List.of("container.js"));
    }
}
