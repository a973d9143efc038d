package org.hygie.backend.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hygie.repository.id.Id;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * AWS Signature Version 4 for a request whose payload SHA-256 the caller already knows and puts in the
 * {@code x-amz-content-sha256} header: every file of a restic repository but {@code config} is named by the
 * SHA-256 of its bytes, so {@link S3Backend} has the hash of each upload for free. The SDK's signer would read the
 * whole payload once more to hash it (over {@code http://} it always signs the payload); this one signs the header's
 * value as given, and the store checks it against the bytes it receives, as for any signed payload.
 *
 * <p>Every other request (no such header, or options this signer does not take: chunked encoding, a signature in
 * the query string, double URL encoding, path normalisation, anonymous credentials) goes to the SDK's own signer,
 * unchanged. What this one produces is byte for byte what the SDK's produces for the same request and payload
 * ({@code KnownHashSignerTest} compares the two), so no store can tell them apart.
 */
final class KnownHashSigner implements AwsV4HttpSigner {
    static final String CONTENT_SHA256 = "x-amz-content-sha256";

    /** The headers the SDK leaves out of a signature (a proxy or the HTTP client may change them). */
    private static final Set<String> UNSIGNED_HEADERS = Set.of("connection", "expect", "transfer-encoding",
            "user-agent", "x-amzn-trace-id", "x-forwarded-for");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private final AwsV4HttpSigner sdk;

    KnownHashSigner(AwsV4HttpSigner sdk) {
        this.sdk = sdk;
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        Optional<String> hash = knownHash(request);
        if (hash.isEmpty()) {
            return sdk.sign(request);
        }
        return SignedRequest.builder()
                .request(signed(request, hash.get()))
                .payload(request.payload().orElse(null))
                .build();
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return sdk.signAsync(request); // the synchronous client only: nothing of Hygie's goes through here
    }

    /** The payload hash to sign as given, if the request has one and takes nothing but a plain header signature. */
    private static Optional<String> knownHash(SignRequest<? extends AwsCredentialsIdentity> r) {
        Optional<String> hash = r.request().firstMatchingHeader(CONTENT_SHA256);
        boolean plain = hash.isPresent() && Id.isValid(hash.get())
                && r.payload().isPresent()
                && !Boolean.TRUE.equals(r.property(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED))
                && !Boolean.TRUE.equals(r.property(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE))
                && !Boolean.TRUE.equals(r.property(AwsV4FamilyHttpSigner.NORMALIZE_PATH))
                && r.property(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM) == null
                && r.property(AwsV4FamilyHttpSigner.AUTH_LOCATION) != AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING
                && r.property(AwsV4FamilyHttpSigner.EXPIRATION_DURATION) == null
                && r.property(AwsV4HttpSigner.REGION_NAME) != null
                && r.property(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME) != null
                && r.identity().accessKeyId() != null && r.identity().secretAccessKey() != null;
        return plain ? hash : Optional.empty();
    }

    private static SdkHttpRequest signed(SignRequest<? extends AwsCredentialsIdentity> r, String payloadHash) {
        AwsCredentialsIdentity who = r.identity();
        String region = r.property(AwsV4HttpSigner.REGION_NAME);
        String service = r.property(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME);
        Clock clock = Optional.ofNullable(r.property(HttpSigner.SIGNING_CLOCK)).orElseGet(Clock::systemUTC);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        String date = DATE.format(now);
        String dateTime = DATE_TIME.format(now);

        SdkHttpRequest.Builder b = r.request().toBuilder();
        if (b.firstMatchingHeader("Host").isEmpty()) {
            b.putHeader("Host", SdkHttpUtils.isUsingStandardPort(b.protocol(), b.port())
                    ? b.host() : b.host() + ":" + b.port());
        }
        b.putHeader("X-Amz-Date", dateTime);
        if (who instanceof AwsSessionCredentialsIdentity session) {
            b.putHeader("X-Amz-Security-Token", session.sessionToken());
        }

        TreeMap<String, List<String>> headers = new TreeMap<>();
        b.forEachHeader((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!UNSIGNED_HEADERS.contains(lower)) {
                headers.computeIfAbsent(lower, k -> new ArrayList<>()).addAll(values);
            }
        });
        StringBuilder canonicalHeaders = new StringBuilder();
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            canonicalHeaders.append(h.getKey()).append(':');
            List<String> values = h.getValue();
            for (int i = 0; i < values.size(); i++) {
                canonicalHeaders.append(i == 0 ? "" : ",").append(compact(values.get(i)));
            }
            canonicalHeaders.append('\n');
        }
        String signedHeaders = String.join(";", headers.keySet());
        String path = b.encodedPath() == null || b.encodedPath().isEmpty() ? "/" : b.encodedPath();
        String canonicalRequest = b.method().name() + "\n" + path + "\n" + canonicalQuery(b) + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;

        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + dateTime + "\n" + scope + "\n" + HEX.formatHex(sha256(canonicalRequest));
        byte[] key = hmac(("AWS4" + who.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, toSign));
        b.putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + who.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return b.build();
    }

    /** Names and values URL-encoded, sorted by name then value; {@code name=} for a parameter without a value. */
    private static String canonicalQuery(SdkHttpRequest.Builder b) {
        TreeMap<String, List<String>> params = new TreeMap<>();
        b.forEachRawQueryParameter((name, values) -> {
            List<String> encoded = params.computeIfAbsent(SdkHttpUtils.urlEncode(name), k -> new ArrayList<>());
            for (String v : values) {
                encoded.add(v == null ? "" : SdkHttpUtils.urlEncode(v));
            }
            if (values.isEmpty()) {
                encoded.add("");
            }
        });
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            p.getValue().sort(null);
            for (String v : p.getValue()) {
                q.append(q.length() == 0 ? "" : "&").append(p.getKey()).append('=').append(v);
            }
        }
        return q.toString();
    }

    /** Leading and trailing blanks removed, each inner run of blanks made one space (SigV4's header values). */
    private static String compact(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
