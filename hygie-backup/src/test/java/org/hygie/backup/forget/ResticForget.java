package org.hygie.backup.forget;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.json.Json;
import org.hygie.repository.testing.Restic;

/** Runs {@code restic forget --dry-run --json} in a chosen time zone and returns its JSON (an empty array if none). */
final class ResticForget {
    private ResticForget() {
    }

    static JsonNode dryRun(Path repo, String password, String tz, List<String> policy) {
        List<String> cmd = new ArrayList<>(List.of(Restic.binary(), "--repo", repo.toString(), "--no-cache",
                "--no-lock", "--json", "forget", "--dry-run"));
        cmd.addAll(policy);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("RESTIC_PASSWORD", password);
        pb.environment().put("TZ", tz);
        pb.environment().remove("RESTIC_REPOSITORY");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    // lost stderr only shortens the failure message
                }
            });
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("restic forget timed out");
            }
            t.join();
            if (p.exitValue() != 0) {
                throw new AssertionError("restic forget " + policy + " exited " + p.exitValue() + ": "
                        + err.toString(StandardCharsets.UTF_8));
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            return Json.MAPPER.readTree(text.isEmpty() ? "[]" : text);
        } catch (IOException e) {
            throw new AssertionError("cannot run restic: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
