package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The signer that signs a known payload hash gives exactly the headers the SDK's own signer gives for the same
 * request, the SDK hashing the payload itself: any difference would make a store refuse the signature.
 */
class KnownHashSignerTest {
    private static final AwsV4HttpSigner SDK = AwsV4HttpSigner.create();

    /** An upload as the S3 client builds it, over HTTP or HTTPS, with headers and query parameters of any kind. */
    record Upload(String protocol, int port, String path, Map<String, String> query, Map<String, String> headers,
                  byte[] payload, boolean session, long epochSecond) {
    }

    @Property(tries = 300)
    void signsAsTheSdkDoes(@ForAll("uploads") Upload u) throws Exception {
        SdkHttpRequest request = request(u, HexFormat.of().formatHex(sha256(u.payload())));
        SignedRequest ours = new KnownHashSigner(SDK).sign(signRequest(u, request));
        SignedRequest sdks = SDK.sign(signRequest(u, request));
        assertEquals(sdks.request().headers(), ours.request().headers());
        assertEquals(sdks.request().getUri(), ours.request().getUri());
    }

    @Test
    void signsTheHashAsGivenWithoutReadingThePayload() throws Exception {
        Upload u = new Upload("http", 9000, "/bucket/data/ab/x", Map.of(), Map.of("Content-Length", "5"),
                "hello".getBytes(StandardCharsets.UTF_8), false, 1_764_400_000L);
        AtomicInteger reads = new AtomicInteger();
        ContentStreamProvider counted = () -> {
            reads.incrementAndGet();
            return new ByteArrayInputStream(u.payload());
        };
        String wrong = "00".repeat(32);
        SignRequest<AwsCredentialsIdentity> r = signRequest(u, request(u, wrong)).copy(b -> b.payload(counted));
        SignedRequest signed = new KnownHashSigner(SDK).sign(r);
        assertEquals(0, reads.get(), "the payload is not read to sign it");
        assertEquals(List.of(wrong), signed.request().headers().get(KnownHashSigner.CONTENT_SHA256));
        // The SDK, which hashes the payload, signs another value, hence another signature: the store would refuse.
        SignedRequest sdks = SDK.sign(signRequest(u, request(u, wrong)));
        assertNotEquals(sdks.request().firstMatchingHeader("Authorization"),
                signed.request().firstMatchingHeader("Authorization"));
    }

    @Test
    void leavesRequestsWithoutAKnownHashToTheSdk() {
        Upload u = new Upload("https", 443, "/bucket/config", Map.of(), Map.of(), new byte[] {1, 2, 3}, false,
                1_764_400_000L);
        SignRequest<AwsCredentialsIdentity> r = signRequest(u, request(u, null))
                .copy(b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        SignedRequest ours = new KnownHashSigner(SDK).sign(r);
        assertEquals(List.of("UNSIGNED-PAYLOAD"), ours.request().headers().get(KnownHashSigner.CONTENT_SHA256));
        assertEquals(SDK.sign(r).request().headers(), ours.request().headers());
    }

    @Provide
    Arbitrary<Upload> uploads() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange(' ', '~').withChars("éà/+=&")
                .ofMinLength(1).ofMaxLength(12).map(s -> SdkHttpUtils.urlEncodeIgnoreSlashes(s));
        Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l));
        Arbitrary<String> name = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(16);
        Arbitrary<Map<String, String>> query = Arbitraries.maps(name, value).ofMaxSize(3);
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(name.map(n -> "X-Amz-Meta-" + n),
                value.map(v -> "  " + v.replace(' ', '\t') + " x  y ")).ofMaxSize(3);
        return Combinators.combine(Arbitraries.of("http", "https"), Arbitraries.of(80, 443, 9000), path, query,
                headers, Arbitraries.bytes().array(byte[].class).ofMaxSize(200), Arbitraries.of(true, false),
                Arbitraries.longs().between(0, 4_000_000_000L)).as(Upload::new);
    }

    private static SdkHttpRequest request(Upload u, String knownHash) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol(u.protocol())
                .host("127.0.0.1").port(u.port()).encodedPath(u.path())
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Length", Integer.toString(u.payload().length))
                .putHeader("If-None-Match", "*")
                .putHeader("User-Agent", "aws-sdk-java/2 test");
        u.query().forEach(b::putRawQueryParameter);
        u.headers().forEach(b::putHeader);
        if (knownHash != null) {
            b.putHeader(KnownHashSigner.CONTENT_SHA256, knownHash);
        }
        return b.build();
    }

    private static SignRequest<AwsCredentialsIdentity> signRequest(Upload u, SdkHttpRequest request) {
        AwsCredentialsIdentity who = u.session()
                ? AwsSessionCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                        "session-token/with+odd=chars")
                : AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        byte[] payload = u.payload();
        return SignRequest.builder(who)
                .request(request)
                .payload(() -> new ByteArrayInputStream(payload))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-3")
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false)
                .putProperty(HttpSigner.SIGNING_CLOCK,
                        Clock.fixed(Instant.ofEpochSecond(u.epochSecond()), ZoneOffset.UTC))
                .build();
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
