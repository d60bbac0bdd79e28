package org.overparam.dashboard.internal;

import java.io.IOException;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.InvalidInputException;
import org.overparam.api.store.RunStore;

/**
 * The pages: {@code /runs} ({@link RunsPage}), {@code /run/RUN} ({@link RunPage}), {@code /compare}
 * ({@link ComparePage}), {@code /sweep/SWEEP} ({@link SweepPage}), {@code /container} ({@link ContainerPage}); {@code /} goes to {@code /runs}.
 * Bad input is the page with its one-line error (400); an unknown run or page is 404.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=overparam-pages"})
public final class PagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient RunStore store;
    private final transient Access access;
    private final transient ContainerApi container;

    /**
     * @param store the run store
     * @param access what serve set and the CSRF token
     * @param container the container's view
     */
    @Activate
    public PagesServlet(@Reference RunStore store, @Reference Access access, @Reference ContainerApi container) {
        this.store = store;
        this.access = access;
        this.container = container;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Served served = access.served();
        String csrf = access.csrf();
        String path = "";
        try {
            path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            if (path.equals("/") || path.isEmpty()) {
                res.sendRedirect("/runs");
            } else if (path.equals("/runs")) {
                send(res, 200, new RunsPage(store, served.runs()).render(req.getParameterMap(), csrf));
            } else if (path.startsWith("/run/") && path.indexOf('/', 5) < 0) {
                send(res, 200, new RunPage(store, served.runs()).render(path.substring(5), csrf));
            } else if (path.startsWith("/sweep/") && path.indexOf('/', 7) < 0) {
                send(res, 200, new SweepPage(SweepView.of(store, served.runs(), path.substring(7))).render(csrf));
            } else if (path.equals("/compare")) {
                send(res, 200, new ComparePage(store, served.runs()).render(req.getParameterMap(), csrf));
            } else if (path.equals("/container")) {
                send(res, 200, new ContainerPage(container.view()).render(csrf));
            } else {
                send(res, 404, Html.page("Not found", csrf, "<h1>Not found</h1><p class=\"error\">no page at "
                        + Html.esc(path) + "</p>", List.of()));
            }
        } catch (SafePaths.BadName e) {
            send(res, 400, Html.page("Bad request", csrf, "<h1>Bad request</h1><p class=\"error\">"
                    + Html.esc(e.getMessage()) + "</p>", List.of()));
        } catch (Lookup.NotFound e) {
            send(res, 404, Html.page("Not found", csrf, "<h1>Not found</h1><p class=\"error\">"
                    + Html.esc(e.getMessage()) + "</p>", List.of()));
        } catch (IllegalArgumentException e) {
            send(res, 400, Html.page("Bad request", csrf, "<h1>Bad request</h1><p class=\"error\">"
                    + Html.esc(e.getMessage()) + "</p>", List.of()));
        } catch (InvalidInputException e) {
            send(res, 400, Html.page("Bad request", csrf, "<h1>Bad request</h1><p class=\"error\">"
                    + Html.esc(e.oneLine()) + "</p>", List.of()));
        }
    }

    private static void send(HttpServletResponse res, int status, String html) throws IOException {
        res.setStatus(status);
        res.setContentType("text/html;charset=UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.getWriter().write(html);
    }
}
