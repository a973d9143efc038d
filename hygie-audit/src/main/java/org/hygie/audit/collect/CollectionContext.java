package org.hygie.audit.collect;

import java.time.Clock;
import java.util.Map;

/**
 * What a collector may use: a command runner, a view of the files, the environment of the audited user's
 * session and the clock. Everything is handed in, so a collector runs the same on a live machine and on a
 * recording.
 */
public record CollectionContext(CommandRunner runner, HostFiles files, Map<String, String> env, Clock clock) {
    public CollectionContext {
        env = Map.copyOf(env);
    }

    public static CollectionContext live(Clock clock) {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.putIfAbsent("USER", System.getProperty("user.name"));
        return new CollectionContext(new LiveCommandRunner(), new LiveHostFiles(), env, clock);
    }

    public CommandResult run(String... argv) {
        return runner.run(Command.of(argv));
    }

    public String env(String name) {
        return env.get(name);
    }
}
