package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.IoUtils;

class LargeWritesConnectionTest {

    /** A connection that records the size of each write it is given and answers once the whole body came. */
    static final class Recording extends HttpURLConnection {
        final List<Integer> writes = new ArrayList<>();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        long declared = -1;

        Recording() throws IOException {
            super(new URL("http://127.0.0.1:9/bucket/data/ab"));
        }

        @Override
        public void setFixedLengthStreamingMode(long length) {
            declared = length;
        }

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writes.add(len);
                    received.write(b, off, len);
                }
            };
        }

        @Override
        public int getResponseCode() throws IOException {
            if (received.size() != declared) {
                throw new IOException("insufficient data written: " + received.size() + " of " + declared);
            }
            return 200;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public void disconnect() {
        }

        @Override
        public boolean usingProxy() {
            return false;
        }

        @Override
        public void connect() {
        }
    }

    /** The SDK's copy, 4 KiB at a time, reaches the JDK's connection in 256 KiB blocks, all of it, in order. */
    @Test
    void theBodyGoesOutInLargeBlocksAndWholeBeforeTheAnswer() throws IOException {
        byte[] pack = new byte[3 * LargeWritesConnection.BLOCK + 12_345];
        new Random(5).nextBytes(pack);
        Recording real = new Recording();
        HttpURLConnection c = new LargeWritesConnection(real);
        c.setFixedLengthStreamingMode((long) pack.length);
        c.setDoOutput(true);
        c.connect();
        IoUtils.copy(new ByteArrayInputStream(pack), c.getOutputStream()); // what the SDK's client does, no close
        assertEquals(200, c.getResponseCode());
        assertArrayEquals(pack, real.received.toByteArray());
        assertEquals(List.of(LargeWritesConnection.BLOCK, LargeWritesConnection.BLOCK, LargeWritesConnection.BLOCK,
                12_345), real.writes);
    }

    /** No public method is left to the wrapper's own state: each one is passed to the wrapped connection. */
    @Test
    void everyPublicMethodIsPassedOn() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : List.of(URLConnection.class, HttpURLConnection.class)) {
            for (Method m : type.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) || Modifier.isFinal(mod)) {
                    continue;
                }
                try {
                    LargeWritesConnection.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    missing.add(m.toString());
                }
            }
        }
        assertTrue(missing.isEmpty(), "not passed on: " + missing);
    }
}
