/**
 * The dashboard: HTTP Whiteboard servlets (pages, JSON API, Server-Sent Events), one filter that
 * guards them all (token, CSRF, methods, Content-Security-Policy) and the static files, served by
 * Felix HTTP Jetty once {@code overparam serve} (or {@code op:serve}) has configured it. Private.
 */
package org.overparam.dashboard.internal;
