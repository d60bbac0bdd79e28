package org.overparam.sdk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** The import rules against a made-up container exporting the API at 1.1.0 and 1.3.0. */
class ImportCheckTest {
    private static final ContainerPackages CONTAINER = new ContainerPackages(Map.of(
            "org.overparam.api", List.of(new Version(1, 1, 0)),
            "org.overparam.api.run", List.of(new Version(1, 3, 0)),
            "org.overparam.linalg", List.of(new Version(1, 0, 0)),
            "org.overparam.nn", List.of(new Version(1, 0, 0)),
            "org.osgi.framework", List.of(new Version(1, 10, 0)),
            "javax.xml.parsers", List.of(Version.emptyVersion),
            "com.fasterxml.jackson.core", List.of(new Version(2, 22, 4))),
            Set.of("org.osgi.framework", "javax.xml.parsers"));

    private static Check check(String imports) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().putValue("Manifest-Version", "1.0");
        if (imports != null) {
            mf.getMainAttributes().putValue("Import-Package", imports);
        }
        return ImportCheck.check(mf, CONTAINER);
    }

    @Test
    void apiLinalgFrameworkAndJrePass() {
        Check c = check("org.overparam.api;version=\"[1.1,2)\",org.overparam.linalg;version=\"[1.0,2)\","
                + "org.osgi.framework;version=\"[1.8,2)\",javax.xml.parsers");
        assertEquals("ok   imports    org.overparam.api [1.1,2) accepts 1.1.0, org.overparam.linalg [1.0,2) accepts 1.0.0; "
                + "2 framework or JRE packages", c.line());
    }

    @Test
    void theLayerAlgebraIsPartOfThePluginApi() {
        Check c = check("org.overparam.api;version=\"[1.1,2)\",org.overparam.nn;version=\"[1.0,2)\"");
        assertEquals("ok   imports    org.overparam.api [1.1,2) accepts 1.1.0, org.overparam.nn [1.0,2) accepts 1.0.0",
                c.line());
    }

    @Test
    void aProviderRangeOfTheRunPackagePasses() {
        assertEquals(Check.Outcome.PASS, check("org.overparam.api.run;version=\"[1.3,1.4)\"").outcome());
    }

    @Test
    void aLibraryTheContainerHappensToShipIsStillNotTheApi() {
        Check c = check("org.overparam.api;version=\"[1.1,2)\",com.fasterxml.jackson.core;version=\"[2.22,3)\"");
        assertEquals(Check.Outcome.FAIL, c.outcome());
        assertEquals("com.fasterxml.jackson.core is not part of the plugin API (org.overparam.api, org.overparam.linalg, "
                + "org.overparam.nn, org.osgi.*, the JRE): embed the library in the plugin (bnd -includepackage) or drop "
                + "the import", c.detail());
        assertEquals("org.overparam.api [1.2,2) accepts none of the container's versions [1.1.0] (built against another "
                + "API: rebuild against the container's); org.a, org.b are not part of the plugin API (org.overparam.api, "
                + "org.overparam.linalg, org.overparam.nn, org.osgi.*, the JRE): embed the library in the plugin (bnd "
                + "-includepackage) or drop the import", check("org.a,org.overparam.api;version=\"[1.2,2)\",org.b").detail());
    }

    @Test
    void rangesMustAcceptTheContainerAndStopBeforeTheNextMajor() {
        assertEquals("org.overparam.api [1.2,2) accepts none of the container's versions [1.1.0] (built against another "
                + "API: rebuild against the container's)", check("org.overparam.api;version=\"[1.2,2)\"").detail());
        assertEquals("org.overparam.api 1.1 also accepts the next major version, which may break the plugin; use [1.1,2)",
                check("org.overparam.api;version=\"1.1\"").detail());
        assertEquals("org.overparam.api [1.0,2.0] also accepts the next major version, which may break the plugin; use "
                + "[1.0,2)", check("org.overparam.api;version=\"[1.0,2.0]\"").detail());
        assertEquals("org.overparam.api is imported without a version range: build the jar with bnd, which writes one",
                check("org.overparam.api").detail());
    }

    @Test
    void optionalImportsMayBeMissingButMandatoryOnesMayNot() {
        assertEquals(Check.Outcome.PASS, check("org.overparam.api;version=\"[1.1,2)\",org.osgi.service.cm;"
                + "resolution:=optional,com.acme.fast;resolution:=optional").outcome());
        assertEquals("org.osgi.service.cm is not exported by this container",
                check("org.overparam.api;version=\"[1.1,2)\",org.osgi.service.cm").detail());
    }

    @Test
    void aJarWithoutApiImportsIsNoPlugin() {
        assertEquals("imports no org.overparam.api package: a plugin implements a component of the API",
                check(null).detail());
    }

    @Test
    void exportsAreRefused() {
        Manifest mf = new Manifest();
        assertEquals(Check.Outcome.PASS, ImportCheck.exportCheck(mf).outcome());
        mf.getMainAttributes().putValue("Export-Package", "org.example.helpers;version=\"1.0.0\",org.example.more");
        assertEquals("exports org.example.helpers, org.example.more: a plugin exports nothing (other bundles would wire to "
                + "it, so every update would need a refresh and its old classes could not be unloaded)",
                ImportCheck.exportCheck(mf).detail());
    }
}
