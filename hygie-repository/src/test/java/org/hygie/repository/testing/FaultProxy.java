package org.hygie.repository.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a test server, that misbehaves on purpose: it drops a share of
 * connections part-way through and stalls others, so backends can be tested against a flaky network.
 * Bounded: it serves at most {@code maxConnections}, then refuses, and stops with {@link #close()}.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final double dropShare;
    private final double stallShare;
    private final long stallMillis;
    private final Random random;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final int maxConnections;
    private volatile boolean closed;

    public FaultProxy(int targetPort, double dropShare, double stallShare, long stallMillis, long seed,
            int maxConnections) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.targetPort = targetPort;
        this.dropShare = dropShare;
        this.stallShare = stallShare;
        this.stallMillis = stallMillis;
        this.random = new Random(seed);
        this.maxConnections = maxConnections;
        pool.submit(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    public int dropped() {
        return dropped.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (connections.incrementAndGet() > maxConnections) {
                    client.close();
                    continue;
                }
                boolean drop;
                boolean stall;
                long dropAfter;
                synchronized (random) {
                    drop = random.nextDouble() < dropShare;
                    stall = random.nextDouble() < stallShare;
                    dropAfter = 1 + random.nextInt(64 * 1024);
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                if (drop) {
                    dropped.incrementAndGet();
                }
                pool.submit(() -> pipe(client, upstream, drop ? dropAfter : Long.MAX_VALUE, stall));
                pool.submit(() -> pipe(upstream, client, Long.MAX_VALUE, false));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, long dropAfter, boolean stall) {
        byte[] buf = new byte[16 * 1024];
        long sent = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            if (stall) {
                Thread.sleep(stallMillis);
            }
            int n;
            while ((n = in.read(buf)) > 0) {
                if (sent + n > dropAfter) {
                    break;
                }
                out.write(buf, 0, n);
                sent += n;
            }
        } catch (IOException | InterruptedException e) {
            // the other direction closed, or we dropped it: both ends go
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            return;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        pool.shutdownNow();
    }
}
