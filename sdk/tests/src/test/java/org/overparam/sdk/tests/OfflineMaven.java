package org.overparam.sdk.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A separate Maven process, offline, for a project outside this build: as a plugin author's Maven
 * would be after {@code mvn install} of Overparam, but without installing anything into the build's
 * own local repository. Its local repository is a fresh temporary folder that starts with this
 * build's Overparam artifacts (staged by maven-dependency-plugin in the repository layout; files
 * placed there count as installed), and it reaches everything else through the build's local
 * repository declared as {@code central} at a {@code file:} URL ({@code -o} with
 * {@code -Daether.offline.protocols=file}: no network). It runs on the test's JDK, output to a log file.
 */
final class OfflineMaven {
    private final Path mvn;
    private final Path settings;
    private final Path logs;
    private int calls;

    private OfflineMaven(Path mvn, Path settings, Path logs) {
        this.mvn = mvn;
        this.settings = settings;
        this.logs = logs;
    }

    /**
     * @param root a temporary folder for the local repository, settings and logs
     * @return the Maven, its local repository primed with the staged artifacts
     */
    static OfflineMaven in(Path root) {
        Path staged = Path.of(property("overparam.staged"));
        Path buildRepository = Path.of(property("maven.repo.local"));
        Path repository = root.resolve("repository");
        try {
            copyTree(staged, repository);
            Path settings = root.resolve("settings.xml");
            String url = buildRepository.toUri().toString();
            Files.writeString(settings, """
                    <settings>
                      <localRepository>%s</localRepository>
                      <profiles>
                        <profile>
                          <id>build-repository</id>
                          <repositories>
                            <repository>
                              <id>central</id>
                              <url>%s</url>
                              <releases><checksumPolicy>ignore</checksumPolicy></releases>
                              <snapshots><enabled>false</enabled></snapshots>
                            </repository>
                          </repositories>
                          <pluginRepositories>
                            <pluginRepository>
                              <id>central</id>
                              <url>%s</url>
                              <releases><checksumPolicy>ignore</checksumPolicy></releases>
                              <snapshots><enabled>false</enabled></snapshots>
                            </pluginRepository>
                          </pluginRepositories>
                        </profile>
                      </profiles>
                      <activeProfiles><activeProfile>build-repository</activeProfile></activeProfiles>
                    </settings>
                    """.formatted(repository, url, url), StandardCharsets.UTF_8);
            Path home = Path.of(property("maven.home"));
            return new OfflineMaven(home.resolve("bin").resolve("mvn"), settings, Files.createDirectories(root.resolve("logs")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the offline Maven in " + root, e);
        }
    }

    /**
     * @param dir the working folder
     * @param args Maven's arguments (goals and properties)
     * @return the exit code and the log
     * @throws IOException if Maven cannot start
     * @throws InterruptedException if interrupted while waiting
     */
    Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-Daether.offline.protocols=file",
                "-s", settings.toString()));
        command.addAll(List.of(args));
        Path log = logs.resolve("mvn-" + (++calls) + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("Maven did not finish within 10 minutes: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), log);
    }

    /**
     * How a Maven call ended.
     *
     * @param exitCode Maven's exit code
     * @param log its output
     */
    record Result(int exitCode, Path log) {
        /** @return the last 40 lines of the log, for assertion messages */
        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run through Maven: mvn verify)");
        }
        return v;
    }

    /** Deletes a folder tree if it exists. @param dir the folder */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /**
     * Copies a folder tree.
     *
     * @param from the source
     * @param to the target (created)
     * @throws IOException on failure
     */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
