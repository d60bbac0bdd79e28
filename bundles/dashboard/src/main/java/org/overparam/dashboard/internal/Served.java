package org.overparam.dashboard.internal;

import java.nio.file.Path;

/**
 * Where and how the dashboard is being served, set once by {@code serve}.
 *
 * @param host the interface Jetty binds (e.g. {@code 127.0.0.1})
 * @param port its port
 * @param loopback whether {@code host} is a loopback address: then no token is asked
 * @param token the access token for a non-loopback bind ({@code null} on loopback)
 * @param runs the runs folder the pages read
 */
record Served(String host, int port, boolean loopback, String token, Path runs) {
    /** @return the address to open in a browser */
    String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0") || h.equals("[::]")) {
            h = "127.0.0.1";
        }
        return "http://" + h + ":" + port + "/";
    }
}
