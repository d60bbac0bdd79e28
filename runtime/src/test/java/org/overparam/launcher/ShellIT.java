package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code overparam shell} on a pseudo-terminal (util-linux {@code script}), driven by keystrokes as a
 * user would: JLine has a real terminal (Up recalls the last line instead of printing {@code ^[[A}),
 * {@code help op:run} prints the command's help, Tab completes a kind and a component name, and a
 * bare {@code exit} ends the process with exit code 0. Bounded: every wait gives up after 60 s.
 */
class ShellIT {
    private static final long WAIT_MS = 60_000;

    @TempDir
    Path work;

    @Test
    void historyHelpCompletionAndExitOnAPseudoTerminal() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        Process p = start();
        Output out = new Output(p.getInputStream());
        OutputStream keys = p.getOutputStream();
        try {
            out.await("Welcome to Apache Felix Gogo", 0);
            Thread.sleep(1000);
            type(keys, "help op:run\r");
            out.await("keep the shell while it runs: op:run FILE &", 0);

            type(keys, "echo marker-42\r");
            int echoed = out.await("marker-42", 1);
            type(keys, "\u001bOA"); // Up, as xterm sends it in keypad mode (JLine turns it on)
            type(keys, "\r");
            out.await("marker-42", echoed + 1);
            assertFalse(out.text().contains("^[[A"), "Up printed ^[[A: the terminal is dumb");

            type(keys, "op:describe optim\t");
            type(keys, "nestero\t");
            type(keys, "\r");
            out.await("optimizer nesterov - Nesterov's accelerated gradient", 0);
            out.await("provided by org.overparam.plugin.optim.momentum", 0);

            type(keys, "exit\r");
            assertTrue(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS), "exit did not end the shell:\n" + out.text());
            assertEquals(0, p.exitValue(), out.text());
            assertFalse(out.text().contains("Cannot coerce"), out.text());
            assertFalse(out.text().contains("Exception"), out.text());
            assertTrue(Files.readString(work.resolve(".gogo.history")).contains("echo marker-42"),
                    "the history is kept in ~/.gogo.history");
        } finally {
            Files.writeString(work.resolve("terminal.txt"), out.text());
            p.destroyForcibly();
        }
    }

    private static void type(OutputStream keys, String text) throws IOException, InterruptedException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Thread.sleep(300);
    }

    private Process start() throws IOException {
        Path home = Path.of(System.getProperty(Distribution.HOME_PROPERTY));
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + work));
        if (Runtime.version().feature() >= 23) {
            java.add("--sun-misc-unsafe-memory-access=allow");
        }
        java.addAll(List.of("-jar", home.resolve("lib").resolve("overparam-launcher.jar").toString(), "shell"));
        String command = String.join(" ", java.stream().map(a -> "'" + a + "'").toList());
        ProcessBuilder b = new ProcessBuilder("/usr/bin/script", "-qfec", command, "/dev/null").directory(work.toFile())
                .redirectErrorStream(true);
        b.environment().put("TERM", "xterm-256color");
        b.environment().put("COLUMNS", "200");
        b.environment().put("OPENBLAS_NUM_THREADS", "1");
        b.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString()); // the kernel calibration: not the home folder
        return b.start();
    }

    /** Everything the pseudo-terminal printed, collected on a thread of its own. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Output(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    return;
                }
            }, "shell-output");
            t.setDaemon(true);
            t.start();
        }

        /** @return the output so far, without terminal escape sequences */
        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "")
                        .replaceAll("\u001b[=>]", "");
            }
        }

        /**
         * @param what a text
         * @param more how many times it must have been printed, at least (0: once)
         * @return how many times it has been printed
         */
        int await(String what, int more) throws InterruptedException {
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (System.currentTimeMillis() < deadline) {
                int count = count(text(), what);
                if (count >= Math.max(1, more)) {
                    return count;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no '" + what + "' (x" + Math.max(1, more) + ") within 60 s:\n" + text());
        }

        private static int count(String text, String what) {
            int n = 0;
            for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
                n++;
            }
            return n;
        }
    }
}
