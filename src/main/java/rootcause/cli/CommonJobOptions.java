package rootcause.cli;

import picocli.CommandLine.Option;

/** The options {@code run} and {@code reclassify} share, defined once (a picocli mixin). */
final class CommonJobOptions {
    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "A taxonomy file, or a bundle folder from train-causes, to use instead of the built-in one.")
    String taxonomy;

    @Option(names = "--verbose",
            description = "Also show every INFO line (Spark's included) on the console; they are always in OUT/logs/.")
    boolean verbose;
}
