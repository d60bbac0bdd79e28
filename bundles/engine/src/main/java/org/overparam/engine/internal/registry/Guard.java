package org.overparam.engine.internal.registry;

import java.util.function.Supplier;
import org.overparam.api.run.ComponentRef;

/**
 * Calls into a component and attributes what it throws to it: any {@link RuntimeException} (and the
 * errors a broken plugin raises: linkage errors after a bundle update, assertions, stack overflow)
 * becomes a {@link ComponentFailure} naming the component. A failure already attributed to an inner
 * component (a loss called from inside an optimizer's step) passes through unchanged.
 */
public final class Guard {
    private Guard() {
    }

    /**
     * @param ref the component called
     * @param body the call
     * @param <T> its result type
     * @return the call's result
     * @throws ComponentFailure if the call threw
     */
    public static <T> T call(ComponentRef ref, Supplier<T> body) {
        try {
            return body.get();
        } catch (ComponentFailure f) {
            throw f;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw new ComponentFailure(ref.kind(), ref.name(), e);
        }
    }

    /**
     * @param ref the component called
     * @param body the call
     * @throws ComponentFailure if the call threw
     */
    public static void run(ComponentRef ref, Runnable body) {
        call(ref, () -> {
            body.run();
            return null;
        });
    }
}
