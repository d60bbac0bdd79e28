package org.overparam.testkit;

import java.util.List;
import java.util.Optional;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.Names;

/**
 * A {@link ComponentRegistry} over a fixed list of components: it lists, finds and requires them as
 * the engine's registry does ({@code require}'s "no optimizer named 'x'" with the same suggestion)
 * and hands out no services. A subclass that overrides {@link #list()} (to throw, say) changes every
 * lookup.
 */
public class ListRegistry implements ComponentRegistry {
    private final List<ComponentInfo> infos;

    /** @param infos the components, in listing order */
    public ListRegistry(List<ComponentInfo> infos) {
        this.infos = List.copyOf(infos);
    }

    @Override
    public List<ComponentInfo> list() {
        return infos;
    }

    @Override
    public List<ComponentInfo> list(ComponentKind kind) {
        return list().stream().filter(i -> i.kind() == kind).toList();
    }

    @Override
    public Optional<ComponentInfo> find(ComponentKind kind, String name) {
        return list(kind).stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public ComponentInfo require(ComponentKind kind, String name, String where) {
        return find(kind, name).orElseThrow(() -> new InvalidInputException(where, "no " + kind.key() + " named '"
                + name + "'" + Names.suggestion(name, list(kind).stream().map(ComponentInfo::name).toList())));
    }

    @Override
    public <T extends Component> Optional<T> service(ComponentKind kind, String name, Class<T> type) {
        return Optional.empty();
    }
}
