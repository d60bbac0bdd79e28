package org.overparam.experiment.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.Sweep;

/**
 * Reads experiment files (YAML) into validated, resolved and pinned {@link RunSpec}s: reads the file
 * with its includes ({@link Composer}), applies the overrides and expands the sweep
 * ({@link SweepExpander}), resolves each point against the registry's components and the fragment
 * library ({@link SpecResolver}, {@link ComponentFragments}) and renders its resolved text
 * ({@link SpecWriter}). Sweeps get a manifest ({@link ManifestWriter}) that {@link #load} reads back
 * ({@link ManifestReader}). Every problem is an {@link InvalidInputException} naming {@code file:line}
 * or the argument.
 */
@Component(service = SpecReader.class)
public final class YamlSpecReader implements SpecReader {
    private final ComponentRegistry registry;
    private final UnaryOperator<String> properties;
    private final Map<String, String> shipped;

    /** @param registry the components present in the container */
    @Activate
    public YamlSpecReader(@Reference(name = "registry") ComponentRegistry registry) {
        this(registry, System::getProperty, ShippedFragments.load());
    }

    /**
     * @param registry the components present
     * @param properties system properties by name ({@value SpecReader#FRAGMENTS_PROPERTY})
     * @param shipped the shipped fragments by {@code <group>/<name>}
     */
    YamlSpecReader(ComponentRegistry registry, UnaryOperator<String> properties, Map<String, String> shipped) {
        this.registry = registry;
        this.properties = properties;
        this.shipped = shipped;
    }

    @Override
    public RunSpec read(Path file, List<String> overrides) {
        return read(file, overrides, List.of());
    }

    @Override
    public RunSpec read(Path file, List<String> overrides, List<Path> fragments) {
        SweepExpander.Expansion e = expansion(file, overrides, fragments);
        if (e.points().size() > 1) {
            throw new InvalidInputException(e.axes().get(0).where(), "this is a sweep of " + e.points().size()
                    + " runs; run it with 'overparam sweep' (op:sweep in the shell)");
        }
        return e.points().get(0).spec();
    }

    @Override
    public Sweep expand(Path file, List<String> arguments, List<Path> fragments) {
        SweepExpander.Expansion e = expansion(file, arguments, fragments);
        List<String> axes = new ArrayList<>();
        e.axes().forEach(a -> axes.add(a.key()));
        String name = e.points().get(0).spec().name();
        String manifest = ManifestWriter.write(name, file.toString(), arguments, axes, e.points());
        return new Sweep(name, file.toString(), axes, e.points(), manifest);
    }

    @Override
    public Sweep load(Path manifest) {
        if (!Files.exists(manifest)) {
            throw new InvalidInputException(manifest.toString(), "no such sweep folder");
        }
        Path file = Files.isDirectory(manifest) ? manifest.resolve("sweep.yaml") : manifest;
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(manifest.toString(), "no sweep manifest here (sweep.yaml not found); "
                    + "give the folder that 'overparam sweep' created");
        }
        FragmentLibrary none = new FragmentLibrary(List.of(), Map.of());
        return ManifestReader.read(file.toString(), FragmentLibrary.read(file), (root, source) -> {
            SpecResolver.Resolution r = new SpecResolver(registry, none, source, "experiment").resolve(root);
            return r.spec();
        });
    }

    private SweepExpander.Expansion expansion(Path file, List<String> arguments, List<Path> fragments) {
        String source = file.toString();
        FragmentLibrary library = library(file, fragments);
        Node root = new Composer(library).compose(file, text(file));
        if (root == null) {
            throw new InvalidInputException(source + ":1", "the file is empty; an experiment needs at least "
                    + "dataset, architecture, initializer, loss, optimizer and stop");
        }
        String name = defaultName(file);
        if (!(root instanceof Node.Mapping doc)) {
            new SpecResolver(registry, library, source, name).resolve(root);
            throw new IllegalStateException("the resolver accepted a document that is not a mapping");
        }
        return SweepExpander.expand(doc, arguments, d -> {
            SpecResolver.Resolution r = new SpecResolver(registry, library, source, name).resolve(d);
            RunSpec s = r.spec();
            return SpecWriter.withText(s, SpecWriter.write(s, r.used()), source);
        });
    }

    /** @return the library: the given folders (else the property's), {@code fragments/} beside the file, shipped */
    private FragmentLibrary library(Path file, List<Path> fragments) {
        List<Path> folders = new ArrayList<>();
        if (!fragments.isEmpty()) {
            folders.addAll(fragments);
        } else {
            String property = properties.apply(FRAGMENTS_PROPERTY);
            if (property != null) {
                for (String p : property.split(File.pathSeparator)) {
                    if (!p.isBlank()) {
                        folders.add(Path.of(p.strip()));
                    }
                }
            }
        }
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new InvalidInputException(f.toString(), "the fragments folder does not exist"
                        + (fragments.isEmpty() ? " (from the system property " + FRAGMENTS_PROPERTY + ")" : ""));
            }
        }
        Path parent = file.getParent();
        folders.add(parent == null ? Path.of("fragments") : parent.resolve("fragments"));
        return new FragmentLibrary(folders, shipped);
    }

    private static String text(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file.toString(), "is a directory, not an experiment file");
        }
        return FragmentLibrary.read(file);
    }

    private static String defaultName(Path file) {
        Path leaf = file.getFileName();
        String name = leaf == null ? "experiment" : leaf.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
