package org.overparam.shell.internal;

import java.util.Arrays;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.overparam.api.cluster.SweepCluster;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.ReportWriter;
import org.overparam.api.run.SpecReader;
import org.overparam.api.store.RunStore;

/**
 * The command line as a service the launcher finds without any Overparam class on its class path:
 * a {@code Function<String[], Integer>} with the property {@value #PROPERTY}{@code =true}. The
 * launcher calls {@link #apply} with the process's arguments and exits with the returned code. The
 * service appears only once the registry, the spec reader and the runner are all present.
 */
@Component(service = Function.class, property = CliService.PROPERTY + "=true")
public final class CliService implements Function<String[], Integer> {
    /** The service property the launcher filters on. */
    public static final String PROPERTY = "overparam.cli";
    private final CommandLine commandLine;
    /** The report service; optional: without the report bundle, {@code report} says it is missing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportWriter reports;
    /** The run store; optional: without the store bundle, {@code runs}, {@code show}, ... say it is missing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunStore store;
    /** The cluster; optional: without the cluster bundle, {@code sweep --cluster}, {@code worker}, ... say it is missing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SweepCluster cluster;

    /**
     * @param context this bundle's context, through which {@code verify} installs the jar it checks
     * @param registry the components present now
     * @param reader reads experiment files
     * @param runner runs experiments
     * @param sweepLocks the container's table of held sweep folders
     */
    @Activate
    public CliService(BundleContext context, @Reference(name = "registry") ComponentRegistry registry,
                      @Reference(name = "reader") SpecReader reader,
                      @Reference(name = "runner") ExperimentRunner runner,
                      @Reference(name = "sweepLocks") SweepLocks sweepLocks) {
        this.commandLine = new CommandLine(registry, reader, runner, System::nanoTime, System::getProperty)
                .reports(() -> reports).store(() -> store).cluster(() -> cluster).sweepLocks(sweepLocks)
                .verify(new VerifyCommand(context, registry, reader, runner));
    }

    /**
     * @param args the command and its arguments, e.g. {@code run examples/quickstart.yaml seed=3}
     * @return the exit code: 0 success, 1 run diverged, failed or stopped (or an internal error),
     *     2 bad input
     */
    @Override
    public Integer apply(String[] args) {
        return commandLine.execute(Arrays.asList(args == null ? new String[0] : args), Terminal.system());
    }
}
