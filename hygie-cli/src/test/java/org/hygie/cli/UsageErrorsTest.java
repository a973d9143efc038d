package org.hygie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A command line that does not parse is said in the user's language, with where the help is, and exit code 2. */
class UsageErrorsTest {

    private static void assertUsage(CliRunner.Run r, String... expected) {
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "'" + e + "' in: " + r.err());
        }
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anUnknownOptionIsNamedWithTheNearOnes() {
        CliRunner.Run fr = CliRunner.inProcess("snapshots", "--jsn", "--lang", "fr");
        assertUsage(fr, "option ou argument inconnu : --jsn", "vouliez-vous dire : --json", "Aide : hygie snapshots --help");
        CliRunner.Run en = CliRunner.inProcess("--lang", "en", "snapshots", "--jsn");
        assertUsage(en, "unknown option or argument: --jsn", "did you mean: --json", "Help: hygie snapshots --help");
    }

    @Test
    void anUnknownCommandIsNamed() {
        CliRunner.Run r = CliRunner.inProcess("--lang", "fr", "sauvegarder");
        assertUsage(r, "option ou argument inconnu : sauvegarder", "Aide : hygie --help");
    }

    @Test
    void helpOnAnUnknownCommandNamesItAndTheNearOnesInTheUsersLanguage() {
        CliRunner.Run fr = CliRunner.inProcess("--lang", "fr", "help", "bakup");
        assertUsage(fr, "option ou argument inconnu : bakup", "vouliez-vous dire : backup", "Aide : hygie --help");
        assertFalse(fr.err().contains("Unknown subcommand"), fr.err());
        CliRunner.Run en = CliRunner.inProcess("--lang", "en", "help", "bakup");
        assertUsage(en, "unknown option or argument: bakup", "did you mean: backup");
    }

    @Test
    void aMissingArgumentIsNamed() {
        CliRunner.Run fr = CliRunner.inProcess("--lang", "fr", "restore", "latest");
        assertUsage(fr, "il manque : --target");
        CliRunner.Run en = CliRunner.inProcess("--lang", "en", "restore", "latest");
        assertUsage(en, "missing: --target", "Help: hygie restore --help");
    }

    @Test
    void aLanguageHygieDoesNotSpeakIsRefusedNotIgnored() {
        CliRunner.Run r = CliRunner.inProcess("--lang", "de", "snapshots");
        assertUsage(r, "--lang", "de", "fr, en");
        CliRunner.Run upper = CliRunner.inProcess("--lang", "EN", "restore", "latest");
        assertUsage(upper, "missing: --target");
    }

    @Test
    void aBadNumberIsNamed() {
        CliRunner.Run r = CliRunner.inProcess("--lang", "en", "serve", "--port", "abc");
        assertUsage(r, "invalid value for --port: \"abc\"");
    }
}
