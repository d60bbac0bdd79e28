package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code list} and {@code describe} output for fake components with typed parameters. */
class ComponentHelpTest {
    final CommandLine cli = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner(), () -> 0L,
            name -> null);

    String out(String... args) {
        Fakes.Captured c = new Fakes.Captured(false);
        assertEquals(0, cli.execute(List.of(args), c.terminal));
        assertEquals("", c.err());
        return c.out();
    }

    @Test
    void listOneKindShowsEveryParameterWithTypeDefaultRangeAndDescription() {
        assertEquals("""
                architecture
                  fc - Fully connected ReLU network
                    activation  string                 default relu   one of relu, tanh, gelu  nonlinearity
                    bias        true or false          default false                           add a bias to each unit
                    depth       whole number           default 2      [1, inf)                 hidden layers L
                    sigma       number                 default 1.0    (0, inf)                 initial weight scale
                    width       whole number           default 512    [1, inf)                 units per hidden layer m
                    widths      list of whole numbers  default []     [1, inf)                 widths of the hidden layers, overriding width
                """, out("list", "architecture"));
    }

    @Test
    void listAllGroupsByKindIncludingEmptyOnesThenNamesTheKernels() {
        String all = out("list");
        assertEquals("""
                dataset
                  (none installed)

                architecture
                """, all.substring(0, all.indexOf("architecture\n") + "architecture\n".length()));
        assertEquals("""
                constraint
                  ball - Euclidean ball around the initialization
                    radius  number  required  (0, inf)  radius around the initialization

                analyzer
                  dynamics - Weight movement and pattern flips
                    (no parameters)

                kernels: %s
                """.formatted(org.overparam.linalg.Linalg.implementation()), all.substring(all.indexOf("constraint\n")));
    }

    @Test
    void describeAddsTheProviderAndAnExample() {
        assertEquals("""
                optimizer gd - Full-batch gradient descent
                provided by org.example.plugins 1.2.0

                parameters:
                  lr  number  default 0.1  (0, inf)  learning rate eta

                in an experiment file:
                  optimizer: {name: gd, lr: 0.1}
                """, out("describe", "optimizer", "gd"));
        assertEquals("  constraints: [{name: ball, radius: <number>}]\n",
                out("describe", "constraints", "ball").lines().reduce((a, b) -> b).orElseThrow() .concat("\n"));
        assertEquals("  analyzers: [{name: dynamics, every: 0}]\n",
                out("describe", "analyzer", "dynamics").lines().reduce((a, b) -> b).orElseThrow().concat("\n"));
    }
}
