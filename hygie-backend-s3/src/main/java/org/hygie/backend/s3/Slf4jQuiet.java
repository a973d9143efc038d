package org.hygie.backend.s3;

import java.util.ServiceLoader;

/**
 * The SDK logs through SLF4J. When the program ships no SLF4J provider (the command line does not), SLF4J would
 * print a warning about it on the user's terminal at the first S3 call; this selects SLF4J's own silent provider
 * instead. A program that has a provider, or that chose one with {@code slf4j.provider}, is left alone.
 */
final class Slf4jQuiet {
    private static final String PROPERTY = "slf4j.provider";
    private static final String NOP = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    /** SLF4J reports the choice of an explicit provider at INFO level on stderr; only its warnings are wanted. */
    private static final String VERBOSITY = "slf4j.internal.verbosity";

    private Slf4jQuiet() {
    }

    static synchronized void ensure() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class<?> spi = Class.forName("org.slf4j.spi.SLF4JServiceProvider");
            if (ServiceLoader.load(spi, Slf4jQuiet.class.getClassLoader()).findFirst().isEmpty()) {
                System.setProperty(PROPERTY, NOP);
                if (System.getProperty(VERBOSITY) == null) {
                    System.setProperty(VERBOSITY, "WARN");
                }
            }
        } catch (ClassNotFoundException | java.util.ServiceConfigurationError e) {
            // no SLF4J 2 at all, or a broken provider list: nothing to quiet
        }
    }
}
