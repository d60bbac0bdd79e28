package org.overparam.shell.internal;

import java.lang.annotation.Annotation;
import org.overparam.store.internal.H2RunStore;

/** The real run store for the bad-input corpus: a database in each runs folder, as shipped. */
final class CorpusStore {
    private CorpusStore() {
    }

    /** @return a store with the shipped configuration (no shared URL); close it after the case */
    static H2RunStore open() {
        return new H2RunStore(new H2RunStore.Config() {
            @Override
            public String overparam_store_url() {
                return "";
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return H2RunStore.Config.class;
            }
        });
    }
}
