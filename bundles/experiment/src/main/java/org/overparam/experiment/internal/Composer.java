package org.overparam.experiment.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;

/**
 * Reads an experiment document with its top-level {@code include}: a list of partial experiments
 * (or one), each either a file path ending in {@code .yaml}/{@code .yml}, relative to the including
 * file's folder, or the name of a fragment of the library's {@code experiment} group. Included
 * documents may include others. The result is the included documents merged in order, then the
 * including document over them ({@link Merge}: later wins); the {@code include} key is consumed.
 * A document that includes itself, directly or through others, is an error naming the chain of
 * include sites ({@code a.yaml:1 -> b.yaml:2}).
 */
final class Composer {
    /** A document being read: its identity (for cycles), its location (for messages) and its folder. */
    private record Frame(String id, String location, Path folder, String site) {
    }

    private final FragmentLibrary library;

    /** @param library where named includes are found */
    Composer(FragmentLibrary library) {
        this.library = library;
    }

    /**
     * @param file the experiment file
     * @param text its text
     * @return its document with every include merged in, or {@code null} if the text holds no document
     * @throws InvalidInputException at the line of the first problem, in whichever file it is
     */
    Node compose(Path file, String text) {
        Path folder = file.toAbsolutePath().getParent();
        return compose(new Frame(id(file), file.toString(), folder, null), text, new ArrayList<>());
    }

    private Node compose(Frame frame, String text, List<Frame> chain) {
        Node root = YamlTree.parse(text, line -> frame.location() + ":" + line);
        if (!(root instanceof Node.Mapping doc) || !doc.entries().containsKey("include")) {
            return root;
        }
        chain.add(frame);
        Node.Entry include = doc.entries().remove("include");
        Node.Mapping base = Node.Mapping.empty(doc.where());
        for (Node item : items(include)) {
            String site = item.where();
            if (!(item instanceof Node.Scalar s) || !(s.value() instanceof String name) || name.isBlank()) {
                throw new InvalidInputException(site + ": include", "expected a fragment name or a .yaml file, got "
                        + item.describe());
            }
            Frame target = target(frame, name.strip(), site);
            for (Frame f : chain) {
                if (f.id().equals(target.id())) {
                    throw new InvalidInputException(site, "'" + name.strip() + "' includes itself: "
                            + sites(chain, site));
                }
            }
            String body = target.folder() == null ? library.find(FragmentLibrary.EXPERIMENT, name.strip()).text()
                    : FragmentLibrary.read(Path.of(target.id()));
            Node included = compose(target, body, chain);
            if (included == null) {
                throw new InvalidInputException(target.location() + ":1", "the included file is empty");
            }
            if (!(included instanceof Node.Mapping m)) {
                throw new InvalidInputException(included.where(), "an included file is a mapping of experiment "
                        + "keys, not " + included.describe());
            }
            base = Merge.documents(base, m);
        }
        chain.remove(chain.size() - 1);
        return Merge.documents(base, doc);
    }

    private static List<Node> items(Node.Entry include) {
        Node v = include.value();
        if (v instanceof Node.Sequence q) {
            return q.items();
        }
        if (v instanceof Node.Scalar s && s.value() == null) {
            return List.of();
        }
        if (v instanceof Node.Mapping) {
            throw new InvalidInputException(v.where() + ": include", "expected a list of fragment names or .yaml "
                    + "files, got a mapping");
        }
        return List.of(v);
    }

    /** @return the included document's frame: a file beside the including one, or a library fragment */
    private Frame target(Frame from, String name, String site) {
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.contains("/")) {
            if (from.folder() == null) {
                throw new InvalidInputException(site, "a shipped fragment includes only library fragments, not '"
                        + name + "'");
            }
            Path p = from.folder().resolve(name).normalize();
            if (!Files.isRegularFile(p)) {
                throw new InvalidInputException(site, "included file '" + name + "' not found (looked for " + p + ")"
                        + Names.suggestion(name, yamlFiles(p.getParent(), name)));
            }
            return new Frame(id(p), shown(from, name, p), p.getParent(), site);
        }
        FragmentLibrary.Fragment f = library.find(FragmentLibrary.EXPERIMENT, name);
        if (f == null) {
            throw new InvalidInputException(site, "no experiment fragment named '" + name + "'"
                    + Names.suggestion(name, library.names(FragmentLibrary.EXPERIMENT)) + "; "
                    + library.listed(FragmentLibrary.EXPERIMENT));
        }
        boolean shipped = f.location().startsWith(FragmentLibrary.SHIPPED);
        Path p = shipped ? null : Path.of(f.location());
        return new Frame(shipped ? f.location() : id(p), f.location(), shipped ? null : p.toAbsolutePath().getParent(),
                site);
    }

    /** @return the included file as the user would name it: beside a relative including file, relative too */
    private static String shown(Frame from, String name, Path resolved) {
        Path loc = Path.of(from.location()).getParent();
        return loc == null || Path.of(from.location()).isAbsolute() ? resolved.toString()
                : loc.resolve(name).normalize().toString();
    }

    private static String sites(List<Frame> chain, String last) {
        StringBuilder b = new StringBuilder();
        for (Frame f : chain) {
            if (f.site() != null) {
                b.append(f.site()).append(" -> ");
            }
        }
        return b.append(last).toString();
    }

    /** @return the YAML files beside the missing one, written as the include names them */
    private static List<String> yamlFiles(Path dir, String name) {
        List<String> out = new ArrayList<>();
        String prefix = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                        .sorted().forEach(n -> out.add(prefix + n));
            } catch (IOException e) {
                return out;
            }
        }
        return out;
    }

    private static String id(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
