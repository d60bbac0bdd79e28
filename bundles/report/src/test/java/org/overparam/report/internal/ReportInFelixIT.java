package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The packaged report bundle inside Felix 7 with SCR, headless: it resolves with the API, Jackson
 * and SnakeYAML bundles only (XChart and VectorGraphics2D are embedded; java.awt and javax.imageio
 * come from the JDK), registers its ReportWriter through Declarative Services, and writes a run
 * report whose PNG decodes and whose SVG parses.
 */
class ReportInFelixIT {
    private static final List<String> BUNDLES = List.of("overparam-api", "jackson-core-", "jackson-annotations-",
            "jackson-databind-", "jackson-dataformat-yaml-", "snakeyaml-", "failureaccess-", "guava-", "org.osgi.util.function-",
            "org.osgi.util.promise-", "org.osgi.service.component-1", "org.apache.felix.scr-");
    private static Framework framework;
    private static Bundle report;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "0");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String prefix : BUNDLES) {
            installed.add(ctx.installBundle(location(prefix)));
        }
        report = ctx.installBundle(new File(System.getProperty("report.bundle")).toURI().toString());
        installed.add(report);
        for (Bundle b : installed) {
            b.start();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void theBundleEmbedsXChartAndImportsNoThirdPartyChartPackage() throws Exception {
        assertEquals(Bundle.ACTIVE, report.getState());
        try (JarFile jar = new JarFile(System.getProperty("report.bundle"))) {
            String imports = jar.getManifest().getMainAttributes().getValue("Import-Package");
            assertTrue(!imports.contains("org.knowm") && !imports.contains("de.erichseifert"), imports);
            assertTrue(imports.contains("org.apache.pdfbox.pdmodel;resolution:=optional"), imports);
            assertNotNull(jar.getEntry("org/knowm/xchart/XYChart.class"));
            assertNotNull(jar.getEntry("de/erichseifert/vectorgraphics2d/svg/SVGProcessor.class"));
        }
        Class<?> chart = report.loadClass("org.knowm.xchart.XYChart");
        assertEquals(report, org.osgi.framework.FrameworkUtil.getBundle(chart));
    }

    @Test
    void theServiceWritesARunReportInsideFelix() throws Exception {
        BundleContext ctx = framework.getBundleContext();
        ServiceReference<?> ref = null;
        for (int i = 0; i < 100 && ref == null; i++) {
            // all references: the test's class path has its own copy of the API, not the bundle's
            ServiceReference<?>[] all = ctx.getAllServiceReferences("org.overparam.api.run.ReportWriter", null);
            ref = all == null ? null : all[0];
            if (ref == null) {
                Thread.sleep(50);
            }
        }
        assertNotNull(ref, "ReportWriter registered by SCR");
        Object writer = ctx.getService(ref);
        Path run = SyntheticRun.write(tmp.resolve("run"), 128, 1, 0.1, 100);
        Method report = writer.getClass().getMethod("report", Path.class);
        Path page = (Path) report.invoke(writer, run);
        assertEquals(run.resolve("report.html"), page);
        assertEquals(Charts.WIDTH, Files2.png(run.resolve("plots/loss.png")).getWidth());
        Files2.svg(run.resolve("plots/loss.svg"));
        assertTrue(Files.readString(page).contains("plots/ntk-eigenvalues.png"));
    }

    /** @return the location of the class path entry whose file name starts with {@code prefix} */
    private static String location(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            String name = f.isDirectory() && f.getName().equals("classes") ? f.getParentFile().getParentFile().getName()
                    : f.getName();
            if (name.startsWith(prefix) || (f.isDirectory() && prefix.startsWith(name) && prefix.equals("overparam-api")
                    && name.equals("api"))) {
                return f.isDirectory() ? "reference:" + f.toURI() : f.toURI().toString();
            }
        }
        throw new IllegalStateException("no " + prefix + " on the class path");
    }
}
