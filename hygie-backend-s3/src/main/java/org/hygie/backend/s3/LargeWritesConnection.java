package org.hygie.backend.s3;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.URL;
import java.security.Permission;
import java.util.List;
import java.util.Map;

/**
 * The JDK's HTTP connection, with the request body handed to it in blocks of {@link #BLOCK} bytes. The SDK copies
 * a body 4 KiB at a time, and the JDK's fixed-length stream flushes every write: one socket write, one TCP segment
 * for the server to take in, per 4 KiB (262,144 per GiB). Gathered here into 256 KiB blocks, an initial backup of
 * 1.46 GiB to s3proxy on loopback used ~0.9 CPU-s less in Hygie and ~1 CPU-s less in the server
 * (docs/BENCHMARKS.md).
 *
 * <p>Every public method is passed to the wrapped connection ({@code LargeWritesConnectionTest} checks that none is
 * left to this object's own, unconnected state); those that read the answer first send what the buffer still holds,
 * as the SDK does not close the body stream before asking for the answer.
 */
final class LargeWritesConnection extends HttpURLConnection {
    static final int BLOCK = 256 * 1024;

    private final HttpURLConnection c;
    private BufferedOutputStream body;

    LargeWritesConnection(HttpURLConnection c) {
        super(c.getURL());
        this.c = c;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (body == null) {
            body = new BufferedOutputStream(c.getOutputStream(), BLOCK);
        }
        return body;
    }

    /** The wrapped connection, once the body's last bytes are sent: for any question about the answer. */
    private HttpURLConnection answered() throws IOException {
        if (body != null) {
            body.flush();
        }
        return c;
    }

    /** {@link #answered()} for the methods that cannot throw an {@link IOException}. */
    private HttpURLConnection answeredUnchecked() {
        try {
            return answered();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the answer: the body is sent first

    @Override
    public int getResponseCode() throws IOException {
        return answered().getResponseCode();
    }

    @Override
    public String getResponseMessage() throws IOException {
        return answered().getResponseMessage();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return answered().getInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return answeredUnchecked().getErrorStream();
    }

    @Override
    public Object getContent() throws IOException {
        return answered().getContent();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getContent(Class[] classes) throws IOException {
        return answered().getContent(classes);
    }

    @Override
    public String getHeaderField(String name) {
        return answeredUnchecked().getHeaderField(name);
    }

    @Override
    public String getHeaderField(int n) {
        return answeredUnchecked().getHeaderField(n);
    }

    @Override
    public String getHeaderFieldKey(int n) {
        return answeredUnchecked().getHeaderFieldKey(n);
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        return answeredUnchecked().getHeaderFields();
    }

    @Override
    public int getHeaderFieldInt(String name, int absent) {
        return answeredUnchecked().getHeaderFieldInt(name, absent);
    }

    @Override
    public long getHeaderFieldLong(String name, long absent) {
        return answeredUnchecked().getHeaderFieldLong(name, absent);
    }

    @Override
    public long getHeaderFieldDate(String name, long absent) {
        return answeredUnchecked().getHeaderFieldDate(name, absent);
    }

    @Override
    public int getContentLength() {
        return answeredUnchecked().getContentLength();
    }

    @Override
    public long getContentLengthLong() {
        return answeredUnchecked().getContentLengthLong();
    }

    @Override
    public String getContentType() {
        return answeredUnchecked().getContentType();
    }

    @Override
    public String getContentEncoding() {
        return answeredUnchecked().getContentEncoding();
    }

    @Override
    public long getDate() {
        return answeredUnchecked().getDate();
    }

    @Override
    public long getExpiration() {
        return answeredUnchecked().getExpiration();
    }

    @Override
    public long getLastModified() {
        return answeredUnchecked().getLastModified();
    }

    // --- the request and the connection: passed on as they are

    @Override
    public void connect() throws IOException {
        c.connect();
    }

    @Override
    public void disconnect() {
        c.disconnect();
    }

    @Override
    public boolean usingProxy() {
        return c.usingProxy();
    }

    @Override
    public URL getURL() {
        return c.getURL();
    }

    @Override
    public Permission getPermission() throws IOException {
        return c.getPermission();
    }

    @Override
    public void setRequestMethod(String method) throws ProtocolException {
        c.setRequestMethod(method);
    }

    @Override
    public String getRequestMethod() {
        return c.getRequestMethod();
    }

    @Override
    public void setRequestProperty(String key, String value) {
        c.setRequestProperty(key, value);
    }

    @Override
    public void addRequestProperty(String key, String value) {
        c.addRequestProperty(key, value);
    }

    @Override
    public String getRequestProperty(String key) {
        return c.getRequestProperty(key);
    }

    @Override
    public Map<String, List<String>> getRequestProperties() {
        return c.getRequestProperties();
    }

    @Override
    public void setFixedLengthStreamingMode(int length) {
        c.setFixedLengthStreamingMode(length);
    }

    @Override
    public void setFixedLengthStreamingMode(long length) {
        c.setFixedLengthStreamingMode(length);
    }

    @Override
    public void setChunkedStreamingMode(int chunk) {
        c.setChunkedStreamingMode(chunk);
    }

    @Override
    public void setConnectTimeout(int millis) {
        c.setConnectTimeout(millis);
    }

    @Override
    public int getConnectTimeout() {
        return c.getConnectTimeout();
    }

    @Override
    public void setReadTimeout(int millis) {
        c.setReadTimeout(millis);
    }

    @Override
    public int getReadTimeout() {
        return c.getReadTimeout();
    }

    @Override
    public void setDoInput(boolean in) {
        c.setDoInput(in);
    }

    @Override
    public boolean getDoInput() {
        return c.getDoInput();
    }

    @Override
    public void setDoOutput(boolean out) {
        c.setDoOutput(out);
    }

    @Override
    public boolean getDoOutput() {
        return c.getDoOutput();
    }

    @Override
    public void setInstanceFollowRedirects(boolean follow) {
        c.setInstanceFollowRedirects(follow);
    }

    @Override
    public boolean getInstanceFollowRedirects() {
        return c.getInstanceFollowRedirects();
    }

    @Override
    public void setAuthenticator(Authenticator auth) {
        c.setAuthenticator(auth);
    }

    @Override
    public void setAllowUserInteraction(boolean allow) {
        c.setAllowUserInteraction(allow);
    }

    @Override
    public boolean getAllowUserInteraction() {
        return c.getAllowUserInteraction();
    }

    @Override
    public void setUseCaches(boolean use) {
        c.setUseCaches(use);
    }

    @Override
    public boolean getUseCaches() {
        return c.getUseCaches();
    }

    @Override
    public void setDefaultUseCaches(boolean use) {
        c.setDefaultUseCaches(use);
    }

    @Override
    public boolean getDefaultUseCaches() {
        return c.getDefaultUseCaches();
    }

    @Override
    public void setIfModifiedSince(long time) {
        c.setIfModifiedSince(time);
    }

    @Override
    public long getIfModifiedSince() {
        return c.getIfModifiedSince();
    }

    @Override
    public String toString() {
        return c.toString();
    }
}
