package org.hygie.backend.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse HTTP proxy on 127.0.0.1 in front of an S3 server that answers {@code 500 InternalError} to a share
 * of requests: half of those are never forwarded, the other half are forwarded (so a write may be stored) and their
 * answer is replaced by the error, as when a load balancer loses the store's reply. The {@code Host} header is
 * passed unchanged, since the client signed it. A {@link Rule} can also answer chosen requests in the store's
 * place (a 501 for a header it does not implement, a 403 for a permission it lacks). Needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}
 * (set for this module's tests in its pom).
 */
public final class HttpFaultProxy implements AutoCloseable {
    private static final Set<String> HOP = Set.of("connection", "content-length", "expect", "transfer-encoding",
            "upgrade", "keep-alive", "date");
    private static final String ERROR = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError"
            + "</Code><Message>injected by the test</Message></Error>";

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "http-fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int targetPort;
    private final double errorShare;
    private final Random random;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    private volatile Rule rule = (method, path, headers) -> null;
    private volatile Tamper tamper = (method, path, body) -> body;

    /** An answer the proxy gives instead of forwarding: HTTP status and S3 error code. */
    public record Answer(int status, String code) {
    }

    /** Decides, per request, to answer in the store's place (non-null) or to go on as usual (null). */
    public interface Rule {
        Answer answer(String method, String path, com.sun.net.httpserver.Headers headers);
    }

    public HttpFaultProxy(int targetPort, double errorShare, long seed) throws IOException {
        this.targetPort = targetPort;
        this.errorShare = errorShare;
        this.random = new Random(seed);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Changes a request's body on its way to the store (what it returns is forwarded), as a faulty link would. */
    public interface Tamper {
        byte[] apply(String method, String path, byte[] body);
    }

    public void tamper(Tamper t) {
        tamper = t;
    }

    /** Answers some requests in the store's place, e.g. a store that does not implement a header. */
    public void rule(Rule r) {
        rule = r;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    public int injected() {
        return injected.get();
    }

    /** "METHOD path header: value…" of each request, for tests that look at what the client sent. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            byte[] body = tamper.apply(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestBody().readAllBytes());
            boolean fail;
            boolean forwardFirst;
            synchronized (random) {
                fail = random.nextDouble() < errorShare;
                forwardFirst = random.nextBoolean();
            }
            StringBuilder log = new StringBuilder(ex.getRequestMethod() + " " + ex.getRequestURI());
            ex.getRequestHeaders().forEach((k, v) -> log.append('\n').append(k.toLowerCase(Locale.ROOT)).append(": ")
                    .append(String.join(",", v)));
            seen.add(log.toString());
            Answer a = rule.answer(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestHeaders());
            if (a != null) {
                answer(ex, a);
                return;
            }
            if (fail && !forwardFirst) {
                error(ex);
                return;
            }
            HttpResponse<byte[]> resp;
            try {
                resp = forward(ex, body);
            } catch (IOException e) {
                ex.sendResponseHeaders(502, -1);
                return;
            }
            if (fail) {
                error(ex);
                return;
            }
            for (Map.Entry<String, List<String>> h : resp.headers().map().entrySet()) {
                if (!HOP.contains(h.getKey().toLowerCase(Locale.ROOT)) && !h.getKey().startsWith(":")) {
                    ex.getResponseHeaders().put(h.getKey(), h.getValue());
                }
            }
            byte[] out = resp.body();
            boolean head = ex.getRequestMethod().equals("HEAD");
            resp.headers().firstValue("content-length").filter(v -> head)
                    .ifPresent(v -> ex.getResponseHeaders().set("Content-Length", v));
            if (head || out.length == 0) {
                ex.sendResponseHeaders(resp.statusCode(), -1);
            } else {
                ex.sendResponseHeaders(resp.statusCode(), out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort
                + ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? ""
                        : "?" + ex.getRequestURI().getRawQuery())))
                .timeout(Duration.ofSeconds(60))
                .method(ex.getRequestMethod(), body.length == 0 && !ex.getRequestMethod().equals("PUT")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            String k = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP.contains(k)) {
                for (String v : h.getValue()) {
                    b.header(h.getKey(), v);
                }
            }
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void error(HttpExchange ex) throws IOException {
        injected.incrementAndGet();
        answer(ex, new Answer(500, "InternalError"));
    }

    private static void answer(HttpExchange ex, Answer a) throws IOException {
        byte[] b = ERROR.replace("InternalError", a.code()).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(a.status(), -1);
            return;
        }
        ex.sendResponseHeaders(a.status(), b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
