package org.hygie.audit.collect.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import org.hygie.audit.collect.CollectionContext;
import org.hygie.audit.collect.Command;
import org.hygie.audit.collect.CommandResult;
import org.hygie.audit.collect.Outcomes;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;

/**
 * The answer of the batch PowerShell script, run once per audit and shared by the Windows collectors.
 * {@link #section} gives one part of it, or the reason it is missing.
 */
final class WindowsBatch {
    static final String COMMAND = "powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command -";
    private static final Map<CollectionContext, WindowsBatch> CACHE = new WeakHashMap<>();
    private final JsonNode root;
    private final Fact failure;

    private WindowsBatch(JsonNode root, Fact failure) {
        this.root = root;
        this.failure = failure;
    }

    static WindowsBatch of(CollectionContext ctx) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(ctx, WindowsBatch::run);
        }
    }

    private static WindowsBatch run(CollectionContext ctx) {
        CommandResult r = ctx.runner().run(Command.of(COMMAND.split(" ")).withTimeout(Duration.ofSeconds(60))
                .withStdin(script()));
        if (!r.ok()) {
            return new WindowsBatch(null, Outcomes.failed("windows.batch", COMMAND, r));
        }
        try {
            return new WindowsBatch(new ObjectMapper().readTree(r.stdout().strip()), null);
        } catch (IOException e) {
            return new WindowsBatch(null, Fact.unavailable("windows.batch", FactStatus.PARSE_ERROR, COMMAND,
                    "not JSON: " + e.getMessage()));
        }
    }

    static String script() {
        try (InputStream in = WindowsBatch.class.getResourceAsStream("/org/hygie/audit/collect/windows/audit-batch.ps1")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A part of the answer; {@link Section#failure} says why it is missing. */
    Section section(String name, String source) {
        if (root == null) {
            return new Section(null, failure, source);
        }
        return Section.of(root.get(name), source);
    }

    /** A registry key from the {@code registry} part. */
    Section registry(String key) {
        Section all = section("registry", key);
        return all.ok() ? Section.of(all.node().get(key), key) : new Section(null, all.failure(), key);
    }

    /** One part: its JSON, or the fact that says why it is missing (for any fact id, with {@link Fact#as}). */
    record Section(JsonNode node, Fact failure, String source) {
        static Section of(JsonNode n, String source) {
            if (n == null || n.isNull()) {
                return new Section(null, Fact.unavailable("windows.batch", FactStatus.NOT_SUPPORTED, source,
                        "not in the answer"), source);
            }
            if (n.isObject() && n.has("_error")) {
                String kind = n.get("_error").asText();
                FactStatus status = switch (kind) {
                    case "access_denied" -> FactStatus.ACCESS_DENIED;
                    case "not_found" -> FactStatus.NOT_SUPPORTED;
                    default -> Outcomes.statusOfText(n.path("_message").asText(""));
                };
                String message = n.path("_message").asText("");
                return new Section(null, Fact.unavailable("windows.batch", status, source,
                        kind.equals("not_found") ? "not_found: " + message : message), source);
            }
            return new Section(n, null, source);
        }

        boolean ok() {
            return node != null;
        }

        /** True when the key was not found in the registry (the OS default then applies). */
        boolean notFound() {
            return failure != null && failure.detail() != null && failure.detail().startsWith("not_found");
        }

        Fact fail(String id) {
            return failure.as(id);
        }

        /** A registry value as a number (DWORD, or REG_SZ holding digits), or null. */
        Long number(String name) {
            if (node == null || !node.has(name)) {
                return null;
            }
            JsonNode v = node.get(name);
            if (v.isNumber()) {
                return v.asLong();
            }
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        String text(String name) {
            return node == null || !node.has(name) ? null : node.get(name).asText();
        }
    }
}
