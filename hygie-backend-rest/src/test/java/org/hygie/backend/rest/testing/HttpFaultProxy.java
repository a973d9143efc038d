package org.hygie.backend.rest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy on 127.0.0.1 in front of a REST server, that misbehaves on purpose: it answers 500 to a share of
 * requests (half of them before passing the request on, half after the server did the work, so that a write may be
 * stored although its client saw an error), and stalls others. Bounded: it handles at most {@code maxRequests},
 * then answers 503; {@link #close()} stops it.
 */
public final class HttpFaultProxy implements AutoCloseable {
    private static final List<String> REQUEST_HEADERS = List.of("Accept", "Range", "Content-Type", "Authorization");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Range", "Accept-Ranges");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(12, r -> {
        Thread t = new Thread(r, "http-fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final double errorShare;
    private final double stallShare;
    private final long stallMillis;
    private final int maxRequests;
    private final Random random;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile int breakAfter = Integer.MAX_VALUE;

    public HttpFaultProxy(int targetPort, double errorShare, double stallShare, long stallMillis, long seed,
            int maxRequests) throws IOException {
        this.target = URI.create("http://127.0.0.1:" + targetPort);
        this.errorShare = errorShare;
        this.stallShare = stallShare;
        this.stallMillis = stallMillis;
        this.maxRequests = maxRequests;
        this.random = new Random(seed);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    public int errors() {
        return errors.get();
    }

    public int stalls() {
        return stalls.get();
    }

    /** From the {@code n}-th request on (counted from now), every request fails: the server "goes down". */
    public void breakAfter(int n) {
        breakAfter = requests.get() + n;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (requests.incrementAndGet() > maxRequests) {
                reply(ex, 503, new byte[0]);
                return;
            }
            if (requests.get() > breakAfter) {
                errors.incrementAndGet();
                reply(ex, 500, "the server is down\n".getBytes());
                return;
            }
            boolean fail;
            boolean failAfter;
            boolean stall;
            synchronized (random) {
                fail = random.nextDouble() < errorShare;
                failAfter = random.nextBoolean();
                stall = random.nextDouble() < stallShare;
            }
            if (stall) {
                stalls.incrementAndGet();
                Thread.sleep(stallMillis);
            }
            if (fail && !failAfter) {
                errors.incrementAndGet();
                reply(ex, 500, "injected failure\n".getBytes());
                return;
            }
            HttpResponse<byte[]> r = forward(ex, body);
            if (fail) {
                errors.incrementAndGet();
                reply(ex, 500, "injected failure after the work\n".getBytes());
                return;
            }
            for (String h : RESPONSE_HEADERS) {
                r.headers().firstValue(h).ifPresent(v -> ex.getResponseHeaders().set(h, v));
            }
            if (ex.getRequestMethod().equals("HEAD")) {
                r.headers().firstValue("Content-Length").ifPresent(v -> ex.getResponseHeaders().set("Content-Length",
                        v));
                ex.sendResponseHeaders(r.statusCode(), -1);
                return;
            }
            reply(ex, r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : REQUEST_HEADERS) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        return upstream.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void reply(HttpExchange ex, int code, byte[] body) throws IOException {
        if (ex.getRequestMethod().equals("HEAD") || body.length == 0) {
            ex.sendResponseHeaders(code, -1);
            return;
        }
        ex.sendResponseHeaders(code, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
