package org.hygie.backend.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the SDK client for an S3-compatible store:
 * <ul>
 *   <li>the JDK's {@code HttpURLConnection} as HTTP client (no Netty, no Apache client: a few kilobytes, and the
 *       JDK's trust store for HTTPS), sending request bodies in large blocks ({@link LargeWritesConnection});</li>
 *   <li>path-style addressing ({@code endpoint/bucket/key}), which every S3-compatible store understands, where
 *       virtual-host style needs DNS names per bucket;</li>
 *   <li>checksums only when an operation requires them: since 2.30 the SDK otherwise adds CRC32 trailers to every
 *       upload ({@code aws-chunked} encoding) and checks them on download, which many S3-compatible stores reject.
 *       Instead, uploads carry the SHA-256 of their bytes, signed, which every store checks
 *       ({@link KnownHashSigner});</li>
 *   <li>no retries inside the SDK: {@link org.hygie.repository.backend.RetryingBackend} retries whole operations,
 *       with back-off, for every backend alike;</li>
 *   <li>the region given, so that the SDK never goes looking for one (the instance-metadata address included).</li>
 * </ul>
 */
final class S3Clients {
    private S3Clients() {
    }

    /** The SDK's SigV4 scheme, with a signer that signs a payload hash known beforehand ({@link KnownHashSigner}). */
    static AuthScheme<AwsCredentialsIdentity> knownHashScheme() {
        AwsV4AuthScheme sdk = AwsV4AuthScheme.create();
        KnownHashSigner signer = new KnownHashSigner(sdk.signer());
        return new AuthScheme<>() {
            @Override
            public String schemeId() {
                return sdk.schemeId();
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return sdk.identityProvider(providers);
            }

            @Override
            public HttpSigner<AwsCredentialsIdentity> signer() {
                return signer;
            }
        };
    }

    static S3Client build(S3Location location, S3Settings settings) {
        int connect = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        int read = (int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis());
        // Our own connection factory: the builder's would set up a TLS context at once (about half a second of
        // start-up), even for an http:// store; the JDK's default one is made on the first https connection only,
        // and honours the standard javax.net.ssl.* and proxy system properties.
        SdkHttpClient http = UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
                c.setConnectTimeout(connect);
                c.setReadTimeout(read);
                return new LargeWritesConnection(c); // request bodies sent in 256 KiB blocks, not 4 KiB ones
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return S3Client.builder()
                .httpClient(http)
                .endpointOverride(location.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(settings.credentials())
                .forcePathStyle(true)
                .putAuthScheme(knownHashScheme())
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
