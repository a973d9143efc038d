package org.hygie.backend.rest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests with the JDK's HTTP client (HTTP/1.1, connections kept alive and reused): basic credentials on
 * every request, restic's v2 {@code Accept} header, at most {@code connections} requests at once, and a deadline
 * for the whole exchange (answer and body), so that a server that stalls cannot hang a backup.
 */
final class RestHttp {
    static final String V2 = "application/vnd.x.restic.rest.v2";
    /** The slowest link a body may take before the deadline runs out: 256 KiB/s on top of the timeout. */
    private static final long SLOWEST_BYTES_PER_SECOND = 256 * 1024;

    private final HttpClient client;
    private final String authorization;
    private final Semaphore permits;
    private final Duration timeout;
    private final String shownBase;

    RestHttp(RestLocation location, RestSettings settings) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        String user = location.user() != null ? location.user() : settings.user();
        String password = location.user() == null ? settings.password() : location.password() != null
                ? location.password() : settings.user() == null || settings.user().equals(location.user())
                ? settings.password() : null;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.permits = new Semaphore(settings.connections(), true);
        this.timeout = settings.timeout();
        this.shownBase = location.display();
    }

    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", V2);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    /** Sends {@code request}; {@code bytes} is how much the body (either way) may weigh, for the deadline. */
    HttpResponse<byte[]> send(HttpRequest request, long bytes, String what) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " interrupted");
        }
        CompletableFuture<HttpResponse<byte[]>> f = null;
        long deadline = timeout.toMillis() + 1000 * bytes / SLOWEST_BYTES_PER_SECOND;
        try {
            f = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            return f.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IOException(what + ": no complete answer from " + shownBase + " within " + deadline / 1000
                    + " s", e);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IOException(what + ": " + reason(c), c);
        } finally {
            permits.release();
        }
    }

    private String reason(Throwable c) {
        Throwable root = c;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (inChain(c, ConnectException.class) && !inChain(c, java.net.http.HttpConnectTimeoutException.class)) {
            return "cannot connect to " + shownBase + " (connection refused: is the server on, is the port right?)";
        }
        if (inChain(c, java.net.UnknownHostException.class)
                || inChain(c, java.nio.channels.UnresolvedAddressException.class)) {
            return "cannot connect to " + shownBase + " (unknown host name)";
        }
        if (inChain(c, java.net.http.HttpConnectTimeoutException.class)) {
            return "cannot connect to " + shownBase + " (no answer within " + timeout.toSeconds() + " s)";
        }
        if (inChain(c, javax.net.ssl.SSLException.class)) {
            return "secure connection to " + shownBase + " failed: " + root.getMessage();
        }
        String m = root.getMessage();
        return "the connection to " + shownBase + " broke (" + (m == null ? root.getClass().getSimpleName() : m) + ")";
    }

    /** The JDK's client wraps the cause it met (a refused connection: ConnectException over ClosedChannelException). */
    private static boolean inChain(Throwable t, Class<? extends Throwable> type) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (type.isInstance(x)) {
                return true;
            }
        }
        return false;
    }
}
