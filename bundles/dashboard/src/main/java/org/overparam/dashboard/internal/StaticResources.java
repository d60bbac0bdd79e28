package org.overparam.dashboard.internal;

import org.osgi.service.component.annotations.Component;

/**
 * The static files as HTTP Whiteboard resources: {@code /static/*} from the bundle's
 * {@code /static} (scripts and style sheet of the pages) and {@code /static/uplot/*} from uPlot's
 * WebJar, embedded at its WebJar path.
 */
public final class StaticResources {
    private StaticResources() {
    }

    /** The pages' own scripts and style sheet. */
    @Component(service = Own.class, property = {"osgi.http.whiteboard.resource.pattern=/static/*",
            "osgi.http.whiteboard.resource.prefix=/static"})
    public static final class Own {
    }

    /** uPlot 1.6.30 from org.webjars.npm:uplot. */
    @Component(service = Uplot.class, property = {"osgi.http.whiteboard.resource.pattern=/static/uplot/*",
            "osgi.http.whiteboard.resource.prefix=/META-INF/resources/webjars/uplot/1.6.30/dist"})
    public static final class Uplot {
    }
}
