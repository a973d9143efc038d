package org.hygie.repository.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoFileModeTest {

    @Test
    void gives_the_values_checked_against_restic() {
        assertEquals(420L, GoFileMode.fromPosix(0100644));
        assertEquals(2147484141L, GoFileMode.fromPosix(0040755));
        assertEquals(2148532735L, GoFileMode.fromPosix(0041777));
        assertEquals(134218239L, GoFileMode.fromPosix(0120777));
        assertEquals(33554852L, GoFileMode.fromPosix(0010644));
        assertEquals(8389101L, GoFileMode.fromPosix(0104755));
    }

    @Test
    void maps_every_type_and_special_bit() {
        assertEquals(GoFileMode.DEVICE | 0660, GoFileMode.fromPosix(0060660));
        assertEquals(GoFileMode.DEVICE | GoFileMode.CHAR_DEVICE | 0666, GoFileMode.fromPosix(0020666));
        assertEquals(GoFileMode.SOCKET | 0755, GoFileMode.fromPosix(0140755));
        assertEquals(GoFileMode.DIR | GoFileMode.SETGID | 0755, GoFileMode.fromPosix(0042755));
        assertEquals(GoFileMode.SETUID | GoFileMode.SETGID | GoFileMode.STICKY | 0777, GoFileMode.fromPosix(0107777));
    }

    @Test
    void gives_the_node_type() {
        assertEquals(NodeType.FILE, NodeType.fromPosixMode(0100644));
        assertEquals(NodeType.DIR, NodeType.fromPosixMode(0040755));
        assertEquals(NodeType.SYMLINK, NodeType.fromPosixMode(0120777));
        assertEquals(NodeType.DEV, NodeType.fromPosixMode(0060600));
        assertEquals(NodeType.CHARDEV, NodeType.fromPosixMode(0020600));
        assertEquals(NodeType.FIFO, NodeType.fromPosixMode(0010600));
        assertEquals(NodeType.SOCKET, NodeType.fromPosixMode(0140600));
        assertEquals(NodeType.UNKNOWN, NodeType.fromGoMode(GoFileMode.IRREGULAR));
    }

    @Test
    void maps_back_to_posix() {
        for (int stMode : new int[] {0100644, 0040755, 0041777, 0120777, 0010644, 0104755, 0062640, 0020600, 0140700, 0107777}) {
            assertEquals(stMode, GoFileMode.toPosix(GoFileMode.fromPosix(stMode)), Integer.toOctalString(stMode));
        }
        assertEquals(07755, GoFileMode.toPosixPermissions(GoFileMode.fromPosix(0107755)));
    }
}
