package org.overparam.experiment.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.SpecReader;

/**
 * Reads experiment files (YAML) into validated, resolved {@link RunSpec}s: reads the file, parses it
 * keeping every line ({@link YamlTree}), applies the overrides ({@link Overrides}), validates and
 * fills in defaults against the registry's components ({@link SpecResolver}) and renders the
 * resolved text ({@link SpecWriter}). Every problem is an {@link InvalidInputException} naming
 * {@code file:line} or the override.
 */
@Component(service = SpecReader.class)
public final class YamlSpecReader implements SpecReader {
    private final ComponentRegistry registry;

    /** @param registry the components present in the container */
    @Activate
    public YamlSpecReader(@Reference(name = "registry") ComponentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RunSpec read(Path file, List<String> overrides) {
        String source = file.toString();
        Node root = YamlTree.parse(text(file), line -> source + ":" + line);
        if (root == null) {
            throw new InvalidInputException(source + ":1", "the file is empty; an experiment needs at least "
                    + "dataset, architecture, initializer, loss, optimizer and stop");
        }
        if (root instanceof Node.Mapping doc) {
            Overrides.apply(doc, overrides);
        }
        SpecResolver.Resolution r = new SpecResolver(registry, source, defaultName(file)).resolve(root);
        RunSpec s = r.spec();
        return new RunSpec(s.name(), s.seed(), s.components(), s.constraints(), s.analyzers(), s.stop(), s.freeze(),
                s.switches(), SpecWriter.write(s, r.used()), source);
    }

    private static String text(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(source, "is a directory, not an experiment file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(source, "cannot read the file: permission denied");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(source, "cannot read the file: it is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(source, "cannot read the file: " + e.getMessage());
        }
    }

    private static String defaultName(Path file) {
        Path leaf = file.getFileName();
        String name = leaf == null ? "experiment" : leaf.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
