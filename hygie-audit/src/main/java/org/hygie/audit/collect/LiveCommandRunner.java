package org.hygie.audit.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands on this machine with {@code LC_ALL=C} (so outputs are not translated), a time limit and a cap
 * on the output kept. A program that is not installed gives {@link CommandResult.Outcome#NOT_FOUND}.
 */
public final class LiveCommandRunner implements CommandRunner {
    private static final int MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
    private final Map<String, String> extraEnvironment;

    public LiveCommandRunner() {
        this(Map.of("LC_ALL", "C", "LANG", "C", "LANGUAGE", "C"));
    }

    public LiveCommandRunner(Map<String, String> extraEnvironment) {
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    @Override
    public CommandResult run(Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(extraEnvironment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return isNotFound(e) ? CommandResult.notFound()
                    : new CommandResult(CommandResult.Outcome.FAILED, -1, "", String.valueOf(e.getMessage()));
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            if (command.stdin() != null) {
                in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the program closed its input early; its output still says what happened
        }
        try {
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return CommandResult.timeout();
            }
            return CommandResult.completed(process.exitValue(), out.get(2, TimeUnit.SECONDS),
                    err.get(2, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return CommandResult.timeout();
        } catch (Exception e) {
            process.destroyForcibly();
            return new CommandResult(CommandResult.Outcome.FAILED, -1, "", String.valueOf(e.getMessage()));
        }
    }

    private static boolean isNotFound(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("error=2,") || m.contains("No such file") || m.contains("cannot find the file");
    }

    private static String drain(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                if (kept.size() < MAX_OUTPUT_BYTES) {
                    kept.write(buffer, 0, Math.min(n, MAX_OUTPUT_BYTES - kept.size()));
                }
            }
            return kept.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
