package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The container's table of the sweep folders this JVM holds a {@link SweepLock} on: one instance per
 * shell bundle, a DS component that both the Gogo commands and the command-line service pass to their
 * {@code sweep} command, so that a second {@code sweep --resume} of a held folder is refused from the table
 * instead of opening another channel on its lock file (closing it would release the JVM's lock).
 */
@Component(service = SweepLocks.class)
public final class SweepLocks {
    /** The held folders, by real path; guarded by itself. */
    final Set<Path> held = new HashSet<>();

    /**
     * @param sweep a sweep folder
     * @return its lock, held until {@link SweepLock#close}
     * @throws org.overparam.api.InvalidInputException if a process runs the sweep now (naming it), or the
     *     folder cannot be locked; nothing is written then
     */
    SweepLock acquire(Path sweep) {
        return SweepLock.acquire(this, sweep);
    }
}
