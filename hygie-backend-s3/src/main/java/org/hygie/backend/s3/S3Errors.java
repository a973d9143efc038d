package org.hygie.backend.s3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into the exceptions of the {@link org.hygie.repository.backend.Backend} contract, with
 * a message a user can act on (it is shown to them, translated around, by the command line):
 * <ul>
 *   <li>404 → {@link NoSuchFileException} (the bucket's absence is said so);</li>
 *   <li>412 (a conditional write found the object) → {@link FileAlreadyExistsException};</li>
 *   <li>416 (range past the end) → {@link EOFException};</li>
 *   <li>401, 403 and the other refusals of the credentials → an {@link AccessDeniedException} (not retried) whose
 *       reason names the likely cause (unknown key, wrong secret, missing permission, clock);</li>
 *   <li>a wrong region and other answers → an {@link IOException} that says so;</li>
 *   <li>network failures and timeouts → an {@link IOException} (transient: the retrying layer tries again).</li>
 * </ul>
 */
final class S3Errors {
    private S3Errors() {
    }

    /** The error code S3 gave ({@code NoSuchKey}, …), or "" when the answer had no body (HEAD). */
    static String code(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : "";
    }

    static IOException translate(SdkException e, S3Location where, String what) {
        if (e instanceof AwsServiceException s) {
            return service(s, where, what);
        }
        if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
            return new IOException(what + ": the S3 store at " + where.endpoint() + " did not answer in time", e);
        }
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            InterruptedIOException ie = new InterruptedIOException(what + " interrupted");
            ie.initCause(e);
            return ie;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return new IOException(what + ": cannot talk to the S3 store at " + where.endpoint() + " (" + detail + ")", e);
    }

    private static IOException service(AwsServiceException e, S3Location where, String what) {
        String code = code(e);
        int status = e.statusCode();
        String bucket = where.bucket();
        switch (status) {
            case 404 -> {
                NoSuchFileException n = code.equals("NoSuchBucket")
                        ? new NoSuchFileException(what, null, "the bucket " + bucket + " does not exist at "
                                + where.endpoint())
                        : new NoSuchFileException(what);
                n.initCause(e);
                return n;
            }
            case 412 -> {
                FileAlreadyExistsException x = new FileAlreadyExistsException(what, null,
                        "already stored: the S3 store refused to replace it");
                x.initCause(e);
                return x;
            }
            case 416 -> {
                EOFException eof = new EOFException(what + ": the range asked lies past the end of the object");
                eof.initCause(e);
                return eof;
            }
            default -> {
                // handled below
            }
        }
        String why = switch (code) {
            case "InvalidAccessKeyId" -> "the S3 store does not know this access key: check AWS_ACCESS_KEY_ID";
            case "SignatureDoesNotMatch" -> "the S3 store refused the request's signature: check "
                    + "AWS_SECRET_ACCESS_KEY";
            case "AccessDenied" -> "access denied to bucket " + bucket + ": the credentials lack the permission";
            case "ExpiredToken", "TokenRefreshRequired" -> "the temporary S3 credentials have expired: renew "
                    + "AWS_SESSION_TOKEN";
            case "InvalidToken" -> "the S3 store refused AWS_SESSION_TOKEN";
            case "RequestTimeTooSkewed" -> "this computer's clock is too far from the S3 store's: set the time right";
            case "AuthorizationHeaderMalformed", "PermanentRedirect", "IllegalLocationConstraintException" ->
                    "the bucket " + bucket + " is in another region: set AWS_DEFAULT_REGION (or the s3.region "
                            + "option) to it";
            case "SlowDown", "ServiceUnavailable" -> "the S3 store is overloaded (" + status + " " + code + ")";
            case "NotImplemented" -> "the S3 store does not implement this request (" + status + ")";
            default -> null;
        };
        if (why == null) {
            why = switch (status) {
                case 401, 403 -> "the S3 store refused the credentials or their permissions (HTTP " + status + ")";
                case 301, 307 -> "the bucket " + bucket + " is in another region or at another address: set "
                        + "AWS_DEFAULT_REGION (or the s3.region option)";
                default -> "the S3 store answered HTTP " + status + (code.isEmpty() ? "" : " " + code)
                        + (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                                ? ": " + e.awsErrorDetails().errorMessage() : "");
            };
        }
        if (refusal(status, code)) {
            AccessDeniedException denied = new AccessDeniedException(what, null, why);
            denied.initCause(e);
            return denied;
        }
        return new IOException(what + ": " + why, e);
    }

    /** The store refused who is asking (credentials, permission, clock): trying again will not help. */
    private static boolean refusal(int status, String code) {
        return status == 401 || status == 403 || switch (code) {
            case "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "ExpiredToken", "TokenRefreshRequired",
                    "InvalidToken", "RequestTimeTooSkewed" -> true;
            default -> false;
        };
    }

    /** Whether the store said it does not implement the request (a conditional write it does not know). */
    static boolean notImplemented(SdkException e) {
        return e instanceof AwsServiceException s && (s.statusCode() == 501 || code(s).equals("NotImplemented"));
    }

    /**
     * Whether the store wants a {@code Content-MD5} the upload lacked: AWS and MinIO ask for it on buckets under
     * Object Lock, even when the payload's SHA-256 is signed.
     */
    static boolean wantsContentMd5(SdkException e) {
        if (!(e instanceof AwsServiceException s) || s.statusCode() != 400) {
            return false;
        }
        String message = s.awsErrorDetails() == null || s.awsErrorDetails().errorMessage() == null ? ""
                : s.awsErrorDetails().errorMessage();
        return code(s).equals("MissingContentMD5") || (code(s).equals("InvalidRequest")
                && message.toLowerCase(java.util.Locale.ROOT).contains("content-md5"));
    }

    /**
     * Whether the store found that the bytes it received do not have the SHA-256 signed with them
     * ({@code XAmzContentSHA256Mismatch} on AWS, MinIO and s3proxy; {@code BadDigest} on some others): damaged on
     * the way, or a file whose name is not the hash of its bytes. Nothing was stored.
     */
    static boolean payloadHashMismatch(SdkException e) {
        return e instanceof AwsServiceException s && s.statusCode() == 400
                && (code(s).equals("XAmzContentSHA256Mismatch") || code(s).equals("BadDigest"));
    }

    /** Whether the store refused for lack of permission (403). */
    static boolean accessDenied(SdkException e) {
        return e instanceof AwsServiceException s && s.statusCode() == 403;
    }

    /** Whether the store says the object or bucket is not there. */
    static boolean notFound(SdkException e) {
        return e instanceof AwsServiceException s && s.statusCode() == 404;
    }
}
