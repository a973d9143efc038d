package org.hygie.cli;

/** Entry point of the {@code hygie} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(HygieCommand.run(args));
    }
}
