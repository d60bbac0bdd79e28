package org.overparam.cluster.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.io.PrintStream;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A member's side of a plugin swapped on the coordinator ({@link PluginSwaps}): each pushed pin is
 * installed at once, on a thread of its own (an install waits for the bundle update, which must not hold
 * up Hazelcast's event thread), so a run under way here takes the new code at its next step boundary.
 */
final class PinPush implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
    private final Maps maps;
    private final PluginPins pins;
    private final MemberInfo member;
    private final PrintStream err;
    private final LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
    private final Thread thread = new Thread(this::loop, "cluster-plugin-push");
    private volatile boolean stopped;
    private UUID registration;

    PinPush(Maps maps, PluginPins pins, MemberInfo member, PrintStream err) {
        this.maps = maps;
        this.pins = pins;
        this.member = member;
        this.err = err;
        thread.setDaemon(true);
    }

    /** Listens for pushed pins. */
    void start() {
        registration = maps.plugins.addEntryListener(this, true);
        thread.start();
    }

    /** Stops listening (an install under way ends first, bounded by its own wait). */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            if (registration != null) {
                maps.plugins.removeEntryListener(registration);
            }
        } catch (RuntimeException e) {
            // the member is going down: its listeners go with it
        }
    }

    @Override
    public void entryAdded(EntryEvent<String, String> e) {
        pushed.add(e.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> e) {
        pushed.add(e.getValue());
    }

    private void loop() {
        while (!stopped) {
            String lines;
            try {
                lines = pushed.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (lines == null) {
                continue;
            }
            String reason = pins.installPushed(lines);
            if (reason != null && !stopped) {
                err.println("cluster: " + member.host() + " pid " + member.pid() + " did not install a plugin swapped"
                        + " on the coordinator: " + reason.replaceAll("\\p{Cntrl}", " ")
                        + "; a run pinned to it tries again before it starts, and is refused if that fails");
            }
        }
    }
}
