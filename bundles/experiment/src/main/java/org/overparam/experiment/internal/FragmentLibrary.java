package org.overparam.experiment.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;

/**
 * The library of named fragments an experiment can use: {@code <folder>/<group>/<name>.yaml}, where
 * the group is a component kind's key ({@code architecture}, {@code dataset}, ...) or
 * {@code experiment} for partial experiments named in {@code include}. The user's folders are
 * searched first, in order, then the fragments shipped with Overparam ({@link ShippedFragments}); the
 * first one found wins, so a user's fragment extends the library and overrides a shipped one of the
 * same name. Names are letters, digits, '.', '_' and '-'.
 */
final class FragmentLibrary {
    /** The group of partial experiments, named in {@code include}. */
    static final String EXPERIMENT = "experiment";
    /** The prefix of a shipped fragment's location in messages. */
    static final String SHIPPED = "shipped:" + ShippedFragments.ROOT + "/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * A fragment's text and where it is.
     *
     * @param group its group
     * @param name its name
     * @param location its file, for messages: a path, or {@code shipped:fragments/<group>/<name>.yaml}
     * @param text its YAML text
     */
    record Fragment(String group, String name, String location, String text) {
    }

    private final List<Path> folders;
    private final Map<String, String> shipped;

    /**
     * @param folders the user's folders, searched first, in order (missing ones are skipped)
     * @param shipped the shipped fragments by {@code <group>/<name>}
     */
    FragmentLibrary(List<Path> folders, Map<String, String> shipped) {
        this.folders = List.copyOf(folders);
        this.shipped = shipped;
    }

    /** @return the user's folders, in search order */
    List<Path> folders() {
        return folders;
    }

    /**
     * @param group a group
     * @param name a name
     * @return the first fragment of that name in the search order, or {@code null}
     * @throws InvalidInputException if the fragment's file exists but cannot be read
     */
    Fragment find(String group, String name) {
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        for (Path folder : folders) {
            Path f = folder.resolve(group).resolve(name + ".yaml");
            if (Files.isRegularFile(f)) {
                return new Fragment(group, name, f.toString(), read(f));
            }
        }
        String text = shipped.get(group + "/" + name);
        return text == null ? null : new Fragment(group, name, SHIPPED + group + "/" + name + ".yaml", text);
    }

    /**
     * @param group a group
     * @return the names of its fragments in every folder, sorted
     */
    SortedSet<String> names(String group) {
        SortedSet<String> out = new TreeSet<>();
        for (Path folder : folders) {
            Path dir = folder.resolve(group);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                            .map(n -> n.substring(0, n.length() - ".yaml".length()))
                            .filter(n -> NAME.matcher(n).matches()).forEach(out::add);
                } catch (IOException e) {
                    throw new InvalidInputException(dir.toString(), "cannot list the fragments: " + e.getMessage());
                }
            }
        }
        shipped.keySet().stream().filter(k -> k.startsWith(group + "/"))
                .forEach(k -> out.add(k.substring(group.length() + 1)));
        return out;
    }

    /**
     * @param group a group
     * @return {@code "fragments: a, b"} or {@code "no <group> fragments"}, for messages
     */
    String listed(String group) {
        List<String> names = new ArrayList<>(names(group));
        return names.isEmpty() ? "no " + group + " fragments" : group + " fragments: " + String.join(", ", names);
    }

    /**
     * @param file a fragment or experiment file
     * @return its text
     * @throws InvalidInputException naming the file if it cannot be read as UTF-8 text
     */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file.toString(), "cannot read the file: it is not UTF-8 text");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InvalidInputException(file.toString(), "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read the file: " + e.getMessage());
        }
    }
}
