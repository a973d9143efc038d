package org.hygie.audit.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers commands from a recording: {@code commands.json} in a folder maps a command line to
 * {@code {"exit": N, "stdout": "...", "stdout_file": "f", "stderr": "...", "stderr_file": "f"}} or
 * {@code {"outcome": "timeout"}}. A command that is not recorded is answered as not installed, which is
 * what a machine without that tool would say.
 */
public final class ReplayCommandRunner implements CommandRunner {
    private final Map<String, CommandResult> answers = new HashMap<>();

    public ReplayCommandRunner(Path recording) {
        Path index = recording.resolve("commands.json");
        if (!Files.exists(index)) {
            return;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(index.toFile());
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                answers.put(e.getKey(), answer(recording, e.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + index, e);
        }
    }

    @Override
    public CommandResult run(Command command) {
        return answers.getOrDefault(command.line(), CommandResult.notFound());
    }

    private static CommandResult answer(Path dir, JsonNode node) throws IOException {
        String outcome = node.path("outcome").asText("completed");
        if (outcome.equals("timeout")) {
            return CommandResult.timeout();
        }
        if (outcome.equals("not_found")) {
            return CommandResult.notFound();
        }
        return CommandResult.completed(node.path("exit").asInt(0), text(dir, node, "stdout"), text(dir, node, "stderr"));
    }

    private static String text(Path dir, JsonNode node, String stream) throws IOException {
        if (node.has(stream + "_file")) {
            return Files.readString(dir.resolve(node.get(stream + "_file").asText()), StandardCharsets.UTF_8);
        }
        return node.path(stream).asText("");
    }
}
