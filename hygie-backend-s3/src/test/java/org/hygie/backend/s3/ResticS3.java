package org.hygie.backend.s3;

import java.util.List;
import org.hygie.repository.testing.RemoteRestic;

/** The real restic 0.14 on an S3 location of the test's s3proxy: the test access key in its environment, never argv. */
public final class ResticS3 {
    private ResticS3() {
    }

    public static RemoteRestic at(String location, String password) {
        return new RemoteRestic(location, password, List.of(), S3ProxyServer.env());
    }
}
