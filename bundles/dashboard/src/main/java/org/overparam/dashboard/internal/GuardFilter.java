package org.overparam.dashboard.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Guards every request of the dashboard (pages, API, static files), in this order:
 * <ol>
 * <li>not served yet: 503;</li>
 * <li>on a non-loopback bind, the token must come as {@code Authorization: Bearer TOKEN}, as the
 *     cookie {@value #COOKIE}, or once as {@code ?token=TOKEN} on a page (which sets that cookie,
 *     HttpOnly and SameSite=Strict, and redirects to the page without it); else 401;</li>
 * <li>GET and HEAD only read; POST is the only method that changes state and must carry this
 *     container's CSRF token in {@value Access#CSRF_HEADER}, and an {@code Origin} header, when
 *     the browser sends one, must name this server; else 403; any other method: 405.</li>
 * </ol>
 * Every answer carries a strict Content-Security-Policy (scripts, styles, fetches only from this
 * server; no inline script, no frames), {@code nosniff} and no referrer.
 */
@Component(service = Filter.class, property = {"osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=overparam-guard", "osgi.http.whiteboard.filter.asyncSupported=true"})
public final class GuardFilter implements Filter {
    /** The cookie that carries the token on a non-loopback bind. */
    static final String COOKIE = "overparam_token";
    /** The policy of every answer. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private final Access access;

    /** @param access the token, the CSRF token and what serve set */
    @Activate
    public GuardFilter(@Reference Access access) {
        this.access = access;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        res.setHeader("Content-Security-Policy", CSP);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        Served served = access.served();
        if (served == null) {
            Json.error(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the dashboard is not being served");
            return;
        }
        if (!served.loopback()) {
            String query = req.getParameter("token");
            if (query != null && same(query, served.token()) && "GET".equals(req.getMethod())) {
                res.addHeader("Set-Cookie", COOKIE + "=" + served.token() + "; Path=/; HttpOnly; SameSite=Strict");
                res.sendRedirect(req.getRequestURI());
                return;
            }
            if (!same(token(req), served.token())) {
                res.setHeader("WWW-Authenticate", "Bearer realm=\"overparam\"");
                Json.error(res, HttpServletResponse.SC_UNAUTHORIZED, "this dashboard needs its token (printed by"
                        + " serve): header 'Authorization: Bearer TOKEN' or the page's ?token=TOKEN");
                return;
            }
        }
        String method = req.getMethod();
        if ("POST".equals(method)) {
            if (!same(req.getHeader(Access.CSRF_HEADER), access.csrf())) {
                Json.error(res, HttpServletResponse.SC_FORBIDDEN, "a POST needs the header " + Access.CSRF_HEADER
                        + " (GET /api/session gives it)");
                return;
            }
            String origin = req.getHeader("Origin");
            if (origin != null && !sameHost(origin, req.getHeader("Host"))) {
                Json.error(res, HttpServletResponse.SC_FORBIDDEN, "cross-site request refused (Origin " + origin + ")");
                return;
            }
        } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
            res.setHeader("Allow", "GET, HEAD, POST");
            Json.error(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not used here");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String token(HttpServletRequest req) {
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring("Bearer ".length()).strip();
        }
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI u = URI.create(origin);
            String authority = u.getRawAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Compares in time independent of where the strings differ. */
    private static boolean same(String given, String expected) {
        return given != null && expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
