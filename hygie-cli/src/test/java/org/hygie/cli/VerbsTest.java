package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A command line naming a verb builds that verb only; the usage and help still know them all. */
class VerbsTest {

    @Test
    void theVerbIsTheFirstWordThatIsNotAnOption() {
        assertEquals(BackupCommand.class, HygieCommand.verb(new String[] {"backup", "--repo", "r", "/data"}));
        assertEquals(BackupCommand.class, HygieCommand.verb(new String[] {"--lang", "en", "backup", "/data"}));
        assertEquals(RestoreCommand.class, HygieCommand.verb(new String[] {"--lang=fr", "restore", "latest"}));
        assertEquals(GdprCommand.class, HygieCommand.verb(new String[] {"gdpr", "breach", "list"}));
        assertNull(HygieCommand.verb(new String[] {"--lang", "backup"}), "the value of --lang is not a verb");
        assertNull(HygieCommand.verb(new String[] {"sauvegarder"}));
        assertNull(HygieCommand.verb(new String[] {"help", "backup"}));
        assertNull(HygieCommand.verb(new String[] {"--version"}));
        assertNull(HygieCommand.verb(new String[] {}));
    }

    @Test
    void everyVerbIsKnownByItsName() {
        for (Class<?> c : HygieCommand.VERBS) {
            String name = c.getAnnotation(Command.class).name();
            if (!name.equals("help")) {
                assertEquals(c, HygieCommand.verb(new String[] {name}), name);
            }
        }
    }

    @Test
    void theUsageListsEveryVerb() {
        CliRunner.Run r = CliRunner.inProcess("--lang", "en", "--help");
        assertEquals(0, r.exit(), r.err());
        for (Class<?> c : HygieCommand.VERBS) {
            String name = c.getAnnotation(Command.class).name();
            assertTrue(r.out().contains("  " + name + " "), name + " in:\n" + r.out());
        }
    }

    @Test
    void aVerbsOwnHelpAndTheHelpCommandStillWork() {
        CliRunner.Run own = CliRunner.inProcess("--lang", "en", "backup", "--help");
        assertEquals(0, own.exit(), own.err());
        assertTrue(own.out().contains("--exclude"), own.out());
        CliRunner.Run help = CliRunner.inProcess("help", "restore");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("--target"), help.out());
    }
}
