package org.overparam.engine.internal.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overparam.api.ComponentKind;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.Provenance;

/**
 * Reads back a run folder's {@code provenance.json} as {@link ProvenanceJson} wrote it (one component,
 * swap or resume per line), so that a resumed run keeps the provenance it had: its components (with the
 * {@code name@step} entries of its swaps), its {@code swaps} list, byte for byte, and its earlier
 * {@code resumes}; swaps after the checkpoint's step, which the resumed run forgets as it forgets
 * their requests, are left out.
 */
public final class ProvenanceFile {
    /** The file's name in a run folder. */
    static final String FILE = "provenance.json";
    private static final Pattern FIELD = Pattern.compile("^  \"([a-z_]+)\": (.*?),?$");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern STEP = Pattern.compile("^\\{\"step\": (-?\\d+),");
    private static final Pattern SWAP = Pattern.compile("^\\{\"step\": (-?\\d+), \"kind\": " + STRING
            + ", \"why\": " + STRING + ", \"from\": \\{\"name\": " + STRING + ".*, \"to\": \\{\"name\": " + STRING
            + ", \"bundle\": " + STRING + ", \"version\": " + STRING + ", \"sha256\": " + STRING);

    /**
     * What a run's provenance.json held.
     *
     * @param provenance the environment and components (with the {@code name@step} ones of its swaps)
     * @param swaps the swaps, each a JSON object as written
     * @param resumes the earlier resumes, each a JSON object as written
     */
    public record Kept(Provenance provenance, List<String> swaps, List<String> resumes) {
    }

    private ProvenanceFile() {
    }

    /**
     * @param folder a run folder
     * @param upTo the last step whose swaps are kept (the checkpoint's step; -1 for none)
     * @return what its provenance.json held, or {@code null} when it has none or it does not read as
     *     {@link ProvenanceJson} writes it
     */
    public static Kept read(Path folder, long upTo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<ComponentOrigin> components = new ArrayList<>();
        List<String> swaps = new ArrayList<>();
        List<String> resumes = new ArrayList<>();
        String section = "";
        try {
            for (String line : lines) {
                if (line.startsWith("    {")) {
                    String item = line.strip();
                    item = item.endsWith(",") ? item.substring(0, item.length() - 1) : item;
                    switch (section) {
                        case "components" -> {
                            ComponentOrigin o = component(item);
                            if (step(o.name()) <= upTo) {
                                components.add(o);
                            }
                        }
                        case "swaps" -> {
                            Matcher m = STEP.matcher(item);
                            if (m.find() && Long.parseLong(m.group(1)) <= upTo) {
                                swaps.add(item);
                            }
                        }
                        case "resumes" -> resumes.add(item);
                        default -> {
                            return null;
                        }
                    }
                    continue;
                }
                Matcher f = FIELD.matcher(line);
                if (f.matches()) {
                    section = f.group(2).startsWith("[") ? f.group(1) : "";
                    if (section.isEmpty()) {
                        Matcher s = STRING.matcher(f.group(2));
                        fields.put(f.group(1), s.matches() ? unquote(s.group(1)) : f.group(2));
                    }
                }
            }
            return new Kept(new Provenance(fields.get("host"), fields.get("os"),
                    Integer.parseInt(fields.get("processors")), fields.get("jvm_vendor"), fields.get("jvm_version"),
                    fields.get("blas"), fields.get("overparam"), components), swaps, resumes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * @param swapJson a swap as {@code SwapLedger} records it
     * @return a line for run.log: {@code step 539: optimizer gd -> adam (bundle 1.0.0, jar sha256 1a2b3c4d5e6f)}
     */
    public static String describe(String swapJson) {
        Matcher m = SWAP.matcher(swapJson);
        if (!m.find()) {
            return swapJson;
        }
        return "step " + m.group(1) + ": " + unquote(m.group(2)) + " " + unquote(m.group(4)) + " -> "
                + unquote(m.group(5)) + " (" + unquote(m.group(3)) + "; " + unquote(m.group(6)) + " "
                + unquote(m.group(7)) + ", jar sha256 " + ProvenanceJson.prefix(unquote(m.group(8))) + ")";
    }

    /** @return the step of a {@code name@step} component, or -1 for a component the run started with */
    private static long step(String name) {
        int at = name.lastIndexOf('@');
        if (at < 0) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(at + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ComponentOrigin component(String item) {
        Matcher m = STRING.matcher(item);
        List<String> strings = new ArrayList<>();
        while (m.find()) {
            strings.add(unquote(m.group(1)));
        }
        if (strings.size() != 10) {
            throw new IllegalArgumentException("not a component: " + item);
        }
        return new ComponentOrigin(ComponentKind.byKey(strings.get(1)), strings.get(3), strings.get(5), strings.get(7),
                strings.get(9));
    }

    /**
     * @param s a JSON string's content as {@link ResultJson#quote} writes it
     * @return the string
     */
    static String unquote(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
