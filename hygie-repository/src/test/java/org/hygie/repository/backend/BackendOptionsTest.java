package org.hygie.repository.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendOptionsTest {
    @Test
    void aWholeNumberItsDefaultOrAClearError() {
        assertEquals(5, BackendOptions.wholeNumber(Map.of(), "sftp.connections", 5));
        assertEquals(5, BackendOptions.wholeNumber(Map.of("sftp.connections", " "), "sftp.connections", 5));
        assertEquals(8, BackendOptions.wholeNumber(Map.of("sftp.connections", " 8 "), "sftp.connections", 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendOptions.wholeNumber(Map.of("rest.timeout", "1m"), "rest.timeout", 60));
        assertTrue(e.getMessage().equals("rest.timeout must be a whole number, not 1m"), e.getMessage());
    }
}
