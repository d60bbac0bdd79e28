package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The dashboard's security checks over HTTP on its loopback port (the token on a non-loopback bind
 * is checked without binding one, in the dashboard bundle's GuardFilterTest): a GET to an action is
 * 405 and changes nothing; a POST without the CSRF token, or from another site, is 403 and changes
 * nothing; run ids and file names with {@code ..}, encoded slashes or absolute paths are 400 or 404
 * and never give a file's content. Each check has a positive control, so it can fail.
 */
final class DashboardSecurity {
    private static final String SPEC = String.join("\n",
            "name: dashsec",
            "seed: 4",
            "dataset: {name: sphere, n: 16, d: 4, target: teacher}",
            "architecture: {name: fc, depth: 1, width: 16}",
            "initializer: ntk",
            "loss: squared",
            "optimizer: {name: gd, lr: 0.1}",
            "stop: {maxSteps: 50}",
            "");
    private final Dashboard dashboard;
    private String finished;

    DashboardSecurity(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /** @return the id of a short run that has COMPLETED and whose process has ended (started on the first call) */
    String finishedRun() throws Exception {
        if (finished != null) {
            return finished;
        }
        String id = dashboard.run("dashsec", SPEC);
        Dashboard.await(() -> dashboard.get("/api/runs/" + id).body().contains("\"status\": \"COMPLETED\"")
                || dashboard.get("/api/runs/" + id).body().contains("\"status\":\"COMPLETED\"") ? true : null, 90,
                "run dashsec did not complete");
        assertEquals(0, dashboard.awaitEnd(id));
        finished = id;
        return id;
    }

    void stateChangingRequestsNeedPostAndTheCsrfToken() throws Exception {
        String id = finishedRun();
        Path folder = dashboard.runs().resolve(id);
        for (String action : List.of("stop", "swap?changes=optimizer.lr%3D1", "resume")) {
            HttpResponse<String> r = dashboard.get("/api/runs/" + id + "/" + action);
            assertEquals(405, r.statusCode(), action + ": " + r.body());
        }
        assertEquals(405, dashboard.get("/api/plugins?name=x.jar").statusCode());
        String csrf = dashboard.csrf();
        HttpResponse<String> noToken = dashboard.post("/api/runs/" + id + "/swap", "changes=optimizer.lr%3D1",
                "Origin", "http://evil.example");
        assertEquals(403, noToken.statusCode(), noToken.body());
        HttpResponse<String> crossSite = dashboard.post("/api/runs/" + id + "/swap", "changes=optimizer.lr%3D1",
                "X-CSRF-Token", csrf, "Origin", "http://evil.example");
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        HttpResponse<String> wrongToken = dashboard.post("/api/plugins?name=x.jar", "PK", "X-CSRF-Token", "0" + csrf);
        assertEquals(403, wrongToken.statusCode(), wrongToken.body());
        assertFalse(Files.exists(dashboard.plugins().resolve("x.jar")));
        assertFalse(Files.exists(folder.resolve("swap.request")));
        // the positive control: with the token, from this site, the request reaches the runner (which
        // refuses it: the run has finished)
        HttpResponse<String> allowed = dashboard.post("/api/runs/" + id + "/swap", "changes=optimizer.lr%3D1",
                "X-CSRF-Token", csrf, "Origin", dashboard.url("/").replaceAll("/$", ""));
        assertEquals(400, allowed.statusCode(), allowed.body());
        assertTrue(allowed.body().contains("not running"), allowed.body());
        HttpResponse<String> stop = dashboard.post("/api/runs/" + id + "/stop", "", "X-CSRF-Token", csrf);
        assertEquals(409, stop.statusCode(), stop.body());
        // the list streams only read: a POST to one, even with the token, is no action; a bad filter is
        // refused before the stream opens
        HttpResponse<String> postStream = dashboard.post("/api/events/runs", "", "X-CSRF-Token", csrf);
        assertEquals(404, postStream.statusCode(), postStream.body());
        HttpResponse<String> badFilter = dashboard.get("/api/events/runs?q=status%3E1");
        assertEquals(400, badFilter.statusCode(), badFilter.body());
        assertTrue(badFilter.body().contains("status takes '=' only"), badFilter.body());
    }

    void namesInUrlsStayInsideTheRunsFolder() throws Exception {
        String id = finishedRun();
        Files.writeString(dashboard.runs().resolve("secret.txt"), "SECRET-OUTSIDE-THE-RUN");
        HttpResponse<String> spec = dashboard.get("/api/runs/" + id + "/spec");
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().contains("name: dashsec"), spec.body());
        List<String> attacks = List.of(
                "/api/runs/..%2F..%2Fetc%2Fpasswd",
                "/api/runs/%2Fetc%2Fpasswd/spec",
                "/api/runs/..%2Fsecret.txt/spec",
                "/api/runs/" + id + "/artifacts/..%2F..%2Fsecret.txt",
                "/api/runs/" + id + "/artifacts/%2Fetc%2Fpasswd",
                "/api/runs/" + id + "/artifacts/..",
                "/api/runs//etc/passwd",
                "/api/runs/" + id + "/..%2F..%2Fsecret.txt",
                "/api/runs/%2e%2e/spec",
                "/api/sweeps/..%2Fsecret.txt/events",
                "/api/sweeps/%2e%2e/events",
                "/run/..%2Fsecret.txt",
                "/run/%2Fetc%2Fpasswd",
                "/static/..%2F..%2Fsecret.txt",
                "/static/%2e%2e/%2e%2e/secret.txt");
        for (String attack : attacks) {
            HttpResponse<String> r = dashboard.get(attack);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, attack + ": " + r.statusCode() + " " + r.body());
            assertFalse(r.body().contains("SECRET-OUTSIDE-THE-RUN") || r.body().contains("root:"), attack);
        }
    }
}
