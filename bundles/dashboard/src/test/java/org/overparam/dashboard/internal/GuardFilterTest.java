package org.overparam.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

/**
 * The guard in front of every page and API call, open box: the token on a non-loopback bind (401
 * without it), CSRF and Origin on POST (403), methods other than GET, HEAD and POST (405), and the
 * headers every answer carries.
 */
class GuardFilterTest {
    private static final String TOKEN = "t0ken";
    private final Access access = new Access();
    private final GuardFilter guard = new GuardFilter(access);
    private final AtomicInteger passed = new AtomicInteger();

    private FakeHttp call(FakeHttp h) throws Exception {
        guard.doFilter(h.request(), h.response(), (rq, rs) -> passed.incrementAndGet());
        return h;
    }

    private void served(boolean loopback) {
        access.serve(new Served(loopback ? "127.0.0.1" : "192.0.2.7", 8321, loopback, loopback ? null : TOKEN,
                Path.of("runs")));
    }

    @Test
    void beforeServeEverythingIs503() throws Exception {
        assertEquals(503, call(new FakeHttp()).status);
        assertEquals(0, passed.get());
    }

    @Test
    void aNonLoopbackBindRefusesRequestsWithoutTheTokenWith401() throws Exception {
        served(false);
        FakeHttp none = call(new FakeHttp());
        assertEquals(401, none.status);
        assertEquals("Bearer realm=\"overparam\"", none.responseHeaders.get("WWW-Authenticate"));
        FakeHttp wrong = new FakeHttp();
        wrong.requestHeaders.put("Authorization", "Bearer t0keN");
        assertEquals(401, call(wrong).status);
        FakeHttp badCookie = new FakeHttp();
        badCookie.cookies = new Cookie[] {new Cookie(GuardFilter.COOKIE, "x")};
        assertEquals(401, call(badCookie).status);
        assertEquals(0, passed.get());
    }

    @Test
    void theTokenPassesAsBearerHeaderOrCookieAndOnceInTheQueryWhichSetsTheCookie() throws Exception {
        served(false);
        FakeHttp bearer = new FakeHttp();
        bearer.requestHeaders.put("Authorization", "Bearer " + TOKEN);
        call(bearer);
        FakeHttp cookie = new FakeHttp();
        cookie.cookies = new Cookie[] {new Cookie(GuardFilter.COOKIE, TOKEN)};
        call(cookie);
        assertEquals(2, passed.get());
        FakeHttp query = new FakeHttp();
        query.parameters.put("token", TOKEN);
        call(query);
        assertEquals(302, query.status);
        assertEquals("/runs", query.redirect);
        assertEquals(GuardFilter.COOKIE + "=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict",
                query.responseHeaders.get("Set-Cookie"));
        assertEquals(2, passed.get());
    }

    @Test
    void aLoopbackBindAsksNoToken() throws Exception {
        served(true);
        assertEquals(200, call(new FakeHttp()).status);
        assertEquals(1, passed.get());
    }

    @Test
    void aPostWithoutTheCsrfTokenOrFromAnotherSiteIsRefusedWith403() throws Exception {
        served(true);
        FakeHttp none = new FakeHttp();
        none.method = "POST";
        assertEquals(403, call(none).status);
        FakeHttp crossSite = new FakeHttp();
        crossSite.method = "POST";
        crossSite.requestHeaders.put(Access.CSRF_HEADER, access.csrf());
        crossSite.requestHeaders.put("Host", "127.0.0.1:8321");
        crossSite.requestHeaders.put("Origin", "http://evil.example");
        assertEquals(403, call(crossSite).status);
        assertTrue(crossSite.body.toString().contains("cross-site request refused"), crossSite.body.toString());
        assertEquals(0, passed.get());
        FakeHttp good = new FakeHttp();
        good.method = "POST";
        good.requestHeaders.put(Access.CSRF_HEADER, access.csrf());
        good.requestHeaders.put("Host", "127.0.0.1:8321");
        good.requestHeaders.put("Origin", "http://127.0.0.1:8321");
        call(good);
        assertEquals(1, passed.get());
    }

    @Test
    void methodsOtherThanGetHeadAndPostAre405() throws Exception {
        served(true);
        for (String m : new String[] {"PUT", "DELETE", "PATCH"}) {
            FakeHttp h = new FakeHttp();
            h.method = m;
            assertEquals(405, call(h).status, m);
        }
        assertEquals(0, passed.get());
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicy() throws Exception {
        FakeHttp refused = call(new FakeHttp());
        served(true);
        FakeHttp passedOn = call(new FakeHttp());
        for (FakeHttp h : new FakeHttp[] {refused, passedOn}) {
            String csp = h.responseHeaders.get("Content-Security-Policy");
            assertEquals(GuardFilter.CSP, csp);
            assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertEquals("nosniff", h.responseHeaders.get("X-Content-Type-Options"));
        }
    }
}
