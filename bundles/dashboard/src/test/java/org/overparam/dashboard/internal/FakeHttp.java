package org.overparam.dashboard.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A request and a response as the guard sees them, without a server: dynamic proxies over maps. */
final class FakeHttp {
    final Map<String, String> requestHeaders = new HashMap<>();
    final Map<String, String> parameters = new HashMap<>();
    final Map<String, String> responseHeaders = new HashMap<>();
    final StringWriter body = new StringWriter();
    String method = "GET";
    String uri = "/runs";
    Cookie[] cookies;
    int status = 200;
    String redirect;

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> requestHeaders.get((String) a[0]);
                    case "getParameter" -> parameters.get((String) a[0]);
                    case "getCookies" -> cookies;
                    case "getRequestURI" -> uri;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body);
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setHeader", "addHeader" -> responseHeaders.put((String) a[0], (String) a[1]);
                        case "setStatus" -> status = (Integer) a[0];
                        case "sendRedirect" -> {
                            status = 302;
                            redirect = (String) a[0];
                        }
                        case "getWriter" -> {
                            return writer;
                        }
                        case "setContentType" -> responseHeaders.put("Content-Type", (String) a[0]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
    }
}
