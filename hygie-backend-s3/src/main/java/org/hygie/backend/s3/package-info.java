/**
 * Repositories in S3-compatible object stores ({@code s3:https://endpoint/bucket/prefix}), with the AWS SDK v2:
 * {@link org.hygie.backend.s3.S3Backend} implements the repository layer's
 * {@link org.hygie.repository.backend.Backend}, {@link org.hygie.backend.s3.S3BackendProvider} makes it reachable
 * from a location, {@link org.hygie.backend.s3.S3Location} parses restic's syntax and lays out keys as restic does,
 * {@link org.hygie.backend.s3.S3Settings} and {@link org.hygie.backend.s3.S3Credentials} read options and the
 * environment. Retries live above, in {@link org.hygie.repository.backend.RetryingBackend}.
 */
package org.hygie.backend.s3;
