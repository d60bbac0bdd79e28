package org.overparam.sdk.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Checks a plugin's {@code Import-Package} against the plugin API and the container: a plugin may
 * import the API ({@link #API}), the OSGi framework ({@code org.osgi.*}) and the JRE ({@code java.*},
 * and {@code javax.*}, {@code org.w3c.*}, {@code org.xml.*} as the system bundle exports them), nothing
 * else. Every API import needs a version range (bnd writes one) that accepts a version the container
 * exports and stops before the next major version, since a major version may break it. Optional
 * imports of other packages are allowed (the plugin must work without them).
 */
final class ImportCheck {
    /** The packages of the plugin API: the contract, the dense kernels and the layer algebra. */
    static final Set<String> API = Set.of("org.overparam.api", "org.overparam.api.run", "org.overparam.api.store",
            "org.overparam.linalg", "org.overparam.linalg.io", "org.overparam.nn");
    /** The answer of {@link #problem} for a mandatory import outside the API; reported together. */
    private static final String FOREIGN = "foreign";
    private static final List<String> JRE_PREFIXES = List.of("javax.", "org.w3c.", "org.xml.", "org.ietf.", "jdk.");

    private ImportCheck() {
    }

    /**
     * @param manifest the plugin's manifest
     * @param container what the running container exports
     * @return the check {@code imports}
     */
    static Check check(Manifest manifest, ContainerPackages container) {
        String header = manifest.getMainAttributes().getValue(Constants.IMPORT_PACKAGE);
        List<String> problems = new ArrayList<>();
        List<String> api = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        int other = 0;
        for (HeaderClauses.Clause clause : HeaderClauses.parse(header)) {
            boolean optional = Constants.RESOLUTION_OPTIONAL.equals(clause.directives().get(Constants.RESOLUTION_DIRECTIVE));
            String range = clause.attributes().get(Constants.VERSION_ATTRIBUTE);
            for (String pkg : clause.paths()) {
                String problem = problem(pkg, range, optional, container);
                if (FOREIGN.equals(problem)) {
                    foreign.add(pkg);
                } else if (problem != null) {
                    problems.add(problem);
                } else if (API.contains(pkg)) {
                    api.add(pkg + " " + range + " accepts " + highest(container.of(pkg), new VersionRange(range)));
                } else {
                    other++;
                }
            }
        }
        if (!foreign.isEmpty()) {
            problems.add(String.join(", ", foreign) + (foreign.size() == 1 ? " is" : " are")
                    + " not part of the plugin API (org.overparam.api, org.overparam.linalg, org.overparam.nn, org.osgi.*, the JRE): "
                    + "embed the library in the plugin (bnd -includepackage) or drop the import");
        }
        if (!problems.isEmpty()) {
            return Check.fail("imports", String.join("; ", problems));
        }
        if (api.isEmpty()) {
            return Check.fail("imports", "imports no org.overparam.api package: a plugin implements a component of the API");
        }
        return Check.pass("imports", String.join(", ", api)
                + (other == 0 ? "" : "; " + other + (other == 1 ? " framework or JRE package" : " framework or JRE packages")));
    }

    /** @return what is wrong with one import, or {@code null} */
    private static String problem(String pkg, String range, boolean optional, ContainerPackages container) {
        boolean api = API.contains(pkg);
        boolean framework = pkg.startsWith("org.osgi.") || pkg.startsWith("java.");
        boolean jre = JRE_PREFIXES.stream().anyMatch(pkg::startsWith) && container.system().contains(pkg);
        if (!api && !framework && !jre) {
            return optional ? null : FOREIGN;
        }
        List<Version> offered = container.of(pkg);
        if (pkg.startsWith("java.")) {
            return null;
        }
        if (offered.isEmpty()) {
            return optional ? null : pkg + " is not exported by this container";
        }
        if (range == null) {
            return api ? pkg + " is imported without a version range: build the jar with bnd, which writes one" : null;
        }
        VersionRange r;
        try {
            r = new VersionRange(range);
        } catch (IllegalArgumentException e) {
            return pkg + " has a malformed version range '" + range + "'";
        }
        if (offered.stream().noneMatch(r::includes)) {
            return pkg + " " + range + " accepts none of the container's versions " + offered
                    + " (built against another API: rebuild against the container's)";
        }
        if (api) {
            Version left = r.getLeft();
            Version nextMajor = new Version(left.getMajor() + 1, 0, 0);
            Version right = r.getRight();
            if (right == null || right.compareTo(nextMajor) > 0
                    || (right.equals(nextMajor) && r.getRightType() == VersionRange.RIGHT_CLOSED)) {
                return pkg + " " + range + " also accepts the next major version, which may break the plugin; use ["
                        + left.getMajor() + "." + left.getMinor() + "," + nextMajor.getMajor() + ")";
            }
        }
        return null;
    }

    private static Version highest(List<Version> offered, VersionRange range) {
        Version best = null;
        for (Version v : offered) {
            if (range.includes(v)) {
                best = v;
            }
        }
        return best;
    }

    /**
     * @param manifest a manifest
     * @return its main attributes' {@code Export-Package}, or {@code null}
     */
    static String exports(Manifest manifest) {
        Attributes a = manifest.getMainAttributes();
        String v = a.getValue(Constants.EXPORT_PACKAGE);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * @param manifest the plugin's manifest
     * @return the check {@code exports}: a plugin exports no package
     */
    static Check exportCheck(Manifest manifest) {
        String exports = exports(manifest);
        if (exports == null) {
            return Check.pass("exports", "none: the implementation is private");
        }
        List<String> names = new ArrayList<>();
        HeaderClauses.parse(exports).forEach(c -> names.addAll(c.paths()));
        return Check.fail("exports", "exports " + String.join(", ", names) + ": a plugin exports nothing (other bundles "
                + "would wire to it, so every update would need a refresh and its old classes could not be unloaded)");
    }
}
