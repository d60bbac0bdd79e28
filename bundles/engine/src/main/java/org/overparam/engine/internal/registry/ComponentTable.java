package org.overparam.engine.internal.registry;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.osgi.framework.Version;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.Names;

/**
 * The registry's bookkeeping without OSGi: the component services present now, keyed by their
 * service id, and the rules that pick one per kind and name and explain a name that is missing.
 *
 * <p>When two services share a kind and name, the one with the highest service ranking wins, then
 * the one from the highest bundle version, then the oldest registration (lowest service id), as
 * OSGi's own lookup does. {@link #require} waits for a missing component until the start-up grace
 * deadline (plugins in the watched folder start a moment after the container), then fails at once.
 *
 * <p>Thread-safe: the tracker thread adds and removes entries while runs look them up.
 */
public final class ComponentTable implements ComponentRegistry {
    private static final Comparator<Entry> PREFERENCE = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparing(Entry::version, Comparator.reverseOrder())
            .thenComparingLong(Entry::serviceId);

    /**
     * One registered component service.
     *
     * @param info its metadata
     * @param ranking its service ranking (0 if unset)
     * @param version its bundle's version
     * @param serviceId its service id
     * @param service the service object, held only while the service is registered
     * @param location the location its bundle was installed from (e.g. {@code file:/.../fc.jar}), or empty
     */
    public record Entry(ComponentInfo info, int ranking, Version version, long serviceId, Component service,
                        String location) {
        /** An entry whose bundle location is unknown. */
        public Entry(ComponentInfo info, int ranking, Version version, long serviceId, Component service) {
            this(info, ranking, version, serviceId, service, "");
        }
    }

    private record Key(ComponentKind kind, String name) {
    }

    private final Map<Long, Entry> entries = new HashMap<>();
    private final Map<Key, Optional<Entry>> bestCache = new HashMap<>();
    private final LongSupplier nanoClock;
    private final long graceDeadline;

    /**
     * @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     * @param graceDeadline the clock value until which {@link #require} waits for missing components
     */
    public ComponentTable(LongSupplier nanoClock, long graceDeadline) {
        this.nanoClock = nanoClock;
        this.graceDeadline = graceDeadline;
    }

    /** @return a table that never waits, on the system clock */
    public static ComponentTable withoutGrace() {
        return new ComponentTable(System::nanoTime, System.nanoTime());
    }

    /** Adds or replaces (same service id) an entry and wakes callers waiting in {@link #require}. @param e the entry */
    public synchronized void put(Entry e) {
        Entry old = entries.put(e.serviceId(), e);
        if (old != null) {
            bestCache.remove(new Key(old.info().kind(), old.info().name()));
        }
        bestCache.remove(new Key(e.info().kind(), e.info().name()));
        notifyAll();
    }

    /**
     * @param serviceId a service id
     * @return the entry removed, or {@code null}
     */
    public synchronized Entry remove(long serviceId) {
        Entry old = entries.remove(serviceId);
        if (old != null) {
            bestCache.remove(new Key(old.info().kind(), old.info().name()));
        }
        return old;
    }

    /**
     * @param kind a kind
     * @param name a name
     * @return the preferred entry of that kind and name, if any
     */
    public synchronized Optional<Entry> best(ComponentKind kind, String name) {
        return bestCache.computeIfAbsent(new Key(kind, name), k -> entries.values().stream()
                .filter(e -> e.info().kind() == kind && e.info().name().equals(name))
                .min(PREFERENCE));
    }

    @Override
    public synchronized List<ComponentInfo> list() {
        List<ComponentInfo> out = new ArrayList<>();
        for (ComponentKind k : ComponentKind.values()) {
            out.addAll(list(k));
        }
        return out;
    }

    @Override
    public synchronized List<ComponentInfo> list(ComponentKind kind) {
        List<ComponentInfo> out = new ArrayList<>();
        for (String name : names(kind)) {
            best(kind, name).ifPresent(e -> out.add(e.info()));
        }
        return out;
    }

    @Override
    public Optional<ComponentInfo> find(ComponentKind kind, String name) {
        return best(kind, name).map(Entry::info);
    }

    @Override
    public synchronized ComponentInfo require(ComponentKind kind, String name, String where) {
        while (true) {
            Optional<Entry> e = best(kind, name);
            if (e.isPresent()) {
                return e.get().info();
            }
            long left = graceDeadline - nanoClock.getAsLong();
            if (left <= 0) {
                throw new InvalidInputException(where, unknown(kind, name, names(kind)));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new InvalidInputException(where, unknown(kind, name, names(kind)));
            }
        }
    }

    @Override
    public <T extends Component> Optional<T> service(ComponentKind kind, String name, Class<T> type) {
        return best(kind, name).map(Entry::service).filter(type::isInstance).map(type::cast);
    }

    @Override
    public Optional<Path> bundleFile(ComponentKind kind, String name) {
        return best(kind, name).flatMap(e -> file(e.location()));
    }

    /**
     * @param location a bundle location: a {@code file:} URI, possibly behind {@code reference:}, or a path
     * @return the local file it names, if it names one that exists
     */
    static Optional<Path> file(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        try {
            Path p = l.startsWith("file:") ? Path.of(URI.create(l)) : Path.of(l);
            return Files.exists(p) ? Optional.of(p) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * @param kind a kind
     * @return the distinct names of that kind present now, sorted
     */
    synchronized List<String> names(ComponentKind kind) {
        TreeSet<String> names = new TreeSet<>();
        for (Entry e : entries.values()) {
            if (e.info().kind() == kind) {
                names.add(e.info().name());
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * @param kind the kind asked for
     * @param name the name asked for
     * @param available the names present
     * @return e.g. {@code unknown optimizer 'nestrov' (did you mean 'nesterov'?); available: gd, nesterov}
     */
    public static String unknown(ComponentKind kind, String name, List<String> available) {
        String head = "unknown " + kind.key() + " '" + name + "'" + Names.suggestion(name, available);
        return available.isEmpty() ? head + "; no " + kind.key() + " is installed"
                : head + "; available: " + String.join(", ", available);
    }
}
