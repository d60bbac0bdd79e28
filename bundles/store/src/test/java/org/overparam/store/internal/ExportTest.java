package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.RunQuery;

class ExportTest {
    @TempDir
    Path runs;
    private final H2RunStore store = Records.store();

    @BeforeEach
    void fill() {
        store.begin(runs, Records.run(runs, "a", 256, 1, 0, "", Set.of("x", "y")));
        store.appendMetrics(runs, "a", Records.loss(3, 0.5));
        store.finish(runs, "a", Records.outcome(RunStatus.COMPLETED, 3, 0.25, Map.of("train.loss", 0.25,
                "odd,name", Double.NaN)));
        store.begin(runs, Records.run(runs, "b", 1024, 1, 1, "", Set.of()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String export(RunQuery q, ExportFormat f) throws IOException {
        StringWriter w = new StringWriter();
        store.exportRuns(runs, q, f, w);
        return w.toString();
    }

    @Test
    void runsAsCsvHaveParametersAndFinalMetricsAsColumns() throws IOException {
        List<String> lines = export(RunQuery.all().sortedBy("id", false), ExportFormat.CSV).lines().toList();
        assertEquals(3, lines.size());
        assertEquals("id,name,status,seed,sweep,created,finished,steps,loss,seconds,tags,param:architecture,"
                + "param:architecture.activation,param:architecture.width,param:name,param:optimizer,param:optimizer.lr,"
                + "param:seed,param:stop.targetLoss,\"metric:odd,name\",metric:train.loss", lines.get(0));
        assertEquals("a,wide,COMPLETED,1,,2026-11-23T10:00:00Z,2026-11-23T11:00:00Z,3,0.25,12.5,x;y,fc,relu,256,wide,gd,"
                + "0.02,1,1.0E-7,NaN,0.25", lines.get(1));
        assertEquals("b,wide,RUNNING,1,,2026-11-23T10:01:00Z,,0,,,,fc,relu,1024,wide,gd,0.02,1,1.0E-7,,", lines.get(2));
    }

    @Test
    void runsAsJsonNestParametersAndMetrics() throws IOException {
        String json = export(RunQuery.all().sortedBy("id", false).page(1, 0), ExportFormat.JSON);
        assertTrue(json.startsWith("[\n  {\n    \"id\": \"a\",\n    \"name\": \"wide\",\n    \"status\": \"COMPLETED\""), json);
        assertTrue(json.contains("\"tags\": [\n      \"x\",\n      \"y\"\n    ],"), json);
        assertTrue(json.contains("\"params\": {\n      \"architecture\": \"fc\","), json);
        assertTrue(json.contains("\"metrics\": {\n      \"odd,name\": null,\n      \"train.loss\": 0.25\n    }"), json);
        assertTrue(json.endsWith("}\n]\n"), json);
    }

    @Test
    void metricsExportInLongFormAndAsSeries() throws IOException {
        StringWriter csv = new StringWriter();
        store.exportMetrics(runs, MetricQuery.of(List.of("a")), ExportFormat.CSV, csv);
        assertEquals("run,step,metric,value\na,0,optimizer.grad_norm,2.0\na,1,optimizer.grad_norm,1.0\n"
                + "a,2,optimizer.grad_norm,0.5\na,0,train.loss,1.0\na,1,train.loss,0.5\na,2,train.loss,0.25\n", csv.toString());
        StringWriter json = new StringWriter();
        store.exportMetrics(runs, MetricQuery.of(List.of("a")).metrics(List.of("train.loss")), ExportFormat.JSON, json);
        assertEquals("[\n  {\n    \"run\": \"a\",\n    \"metric\": \"train.loss\",\n    \"steps\": [\n      0,\n      1,\n"
                + "      2\n    ],\n    \"values\": [\n      1.0,\n      0.5,\n      0.25\n    ]\n  }\n]\n", json.toString());
    }

    @Test
    void aRunAndAComparisonExport() throws IOException {
        StringWriter run = new StringWriter();
        store.exportRun(runs, "a", run);
        String j = run.toString();
        assertTrue(j.contains("\"provenance\": {\n    \"host\": \"host1\""), j);
        assertTrue(j.contains("\"sha256\": \"" + "ab".repeat(32) + "\""), j);
        assertTrue(j.contains("\"timings\": {\n    \"steps_seconds\": 11.0,\n    \"total_seconds\": 12.5\n  }"), j);
        assertTrue(j.contains("\"spec\": \"name: wide\\nseed: 1\\n\""), j);
        StringWriter cmp = new StringWriter();
        store.exportComparison(runs, List.of("a", "b"), ExportFormat.CSV, cmp);
        List<String> lines = cmp.toString().lines().toList();
        assertEquals("kind,key,a,b", lines.get(0));
        assertTrue(lines.contains("run,status,COMPLETED,RUNNING"), lines.toString());
        assertTrue(lines.contains("param,architecture.width,256,1024"), lines.toString());
        assertTrue(lines.contains("metric,train.loss,0.25,"), lines.toString());
    }
}
