package org.overparam.dashboard.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.osgi.service.component.annotations.Component;

/**
 * The dashboard's shared state: what {@code serve} set ({@link Served}, {@code null} before) and
 * this container's CSRF token, random per process, which every state-changing request must carry
 * in the {@value #CSRF_HEADER} header (the pages read it from their {@code <meta name="csrf">}).
 */
@Component(service = Access.class)
public final class Access {
    /** The header that carries the CSRF token of a POST. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String csrf = secret();
    private volatile Served served;

    /** @return 32 random bytes as 64 hexadecimal digits */
    static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** @return the CSRF token of this container */
    String csrf() {
        return csrf;
    }

    /** @return what serve set, or {@code null} when the dashboard is not served */
    Served served() {
        return served;
    }

    /** @param s what serve set */
    void serve(Served s) {
        served = s;
    }
}
