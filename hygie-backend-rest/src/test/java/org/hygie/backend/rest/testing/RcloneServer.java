package org.hygie.backend.rest.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code rclone serve restic} from the OS packages, started by a test on 127.0.0.1 and a free port, serving a
 * folder; optionally {@code --append-only} and with basic credentials. {@link #close()} stops it (and waits, bounded).
 */
public final class RcloneServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path root;
    private final Path log;

    private RcloneServer(Process process, int port, Path root, Path log) {
        this.process = process;
        this.port = port;
        this.root = root;
        this.log = log;
    }

    public static RcloneServer start(Path dir, boolean appendOnly) throws IOException {
        return start(dir, appendOnly, null, null);
    }

    /** Starts a server storing under {@code dir/root}; {@code user} and {@code password} turn on basic auth. */
    public static RcloneServer start(Path dir, boolean appendOnly, String user, String password) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path log = dir.resolve("rclone-" + System.nanoTime() + ".log");
        Path config = Files.writeString(dir.resolve("rclone.conf"), "");
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(binary(), "serve", "restic", "--addr", "127.0.0.1:" + port,
                    "--config", config.toString()));
            if (appendOnly) {
                cmd.add("--append-only");
            }
            if (user != null) {
                cmd.addAll(List.of("--user", user, "--pass", password));
            }
            cmd.add(root.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RcloneServer s = new RcloneServer(p, port, root, log);
            if (s.awaitReady()) {
                return s;
            }
            s.close();
        }
        throw new IOException("rclone serve restic did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "rclone");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("rclone is not installed (apt-get install rclone): the REST tests need it");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private boolean awaitReady() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until && process.isAlive()) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL()
                        .openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                c.getResponseCode(); // any answer means it listens
                c.disconnect();
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    public int port() {
        return port;
    }

    /** The folder rclone stores repositories in ({@code /repo/} on the server is {@code root()/repo}). */
    public Path root() {
        return root;
    }

    /** {@code rest:http://127.0.0.1:PORT/path/}. */
    public String location(String path) {
        return "rest:http://127.0.0.1:" + port + "/" + path + "/";
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
