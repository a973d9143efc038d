package org.hygie.practice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.hygie.practice.text.Texts;
import org.hygie.repository.backend.BackendSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store's {@code options:} and {@code credentials:} in the configuration: options checked as {@code -o} is, the
 * credentials file private and checked line by line, every problem said with its line and the fix, never a secret.
 */
class MediumCredentialsTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path tmp;
    Path docs;
    Path pw;
    Path credentials;

    @BeforeEach
    void setUp() throws Exception {
        docs = Files.createDirectories(tmp.resolve("Documents"));
        pw = Files.writeString(tmp.resolve("password"), "secret\n");
        credentials = tmp.resolve("cloud.credentials");
    }

    private String yaml(String cloudLines) {
        return """
                practice: Cabinet du Dr Exemple
                sources: [%s]
                media:
                  - name: disque-A
                    repo: /media/disque-A/hygie
                    rotation: 7d
                  - name: cloud
                    repo: s3:https://s3.example.org/cabinet-exemple
                    offsite: true
                %s
                password-file: %s
                """.formatted(docs, cloudLines.strip().indent(4).stripTrailing(), pw);
    }

    private ConfigLoader.Loaded load(String yaml) {
        return ConfigLoader.parse(yaml, tmp.resolve("hygie.yaml"), tmp);
    }

    private List<String> errors(String yaml, String lang) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.render(Texts.of(lang));
    }

    /**
     * A credentials file that cannot be used is the medium's problem, not the file's: the configuration loads, and
     * the problem is recorded against {@code cloud} (and told among the warnings), rendered in {@code lang}.
     */
    private List<String> refused(String yaml, String lang) {
        ConfigLoader.Loaded l = load(yaml);
        assertEquals(List.of("cloud"), List.copyOf(l.mediumProblems().keySet()), l.warnings().toString());
        ConfigProblem p = l.mediumProblems().get("cloud");
        assertFalse(p.error());
        assertTrue(l.warnings().contains(p), l.warnings().toString());
        assertTrue(l.config().medium("cloud").isPresent(), "the medium stays in the plan");
        return List.of(p.render(Texts.of(lang), tmp.resolve("hygie.yaml")));
    }

    private void write(String text, String perms) throws Exception {
        Files.writeString(credentials, text);
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString(perms));
    }

    @Test
    void optionsAndAPrivateCredentialsFileRelativeToTheConfigurationLoad() throws Exception {
        write("# clé du cabinet chez l'hébergeur\n\nAWS_ACCESS_KEY_ID=AKIDEXAMPLE\n AWS_SECRET_ACCESS_KEY = " + SECRET
                + "\nAWS_DEFAULT_REGION=eu-west-3\n", "rw-------");
        PracticeConfig c = load(yaml("options: {s3.region: eu-west-3, s3.timeout: 120}\ncredentials: cloud.credentials"))
                .config();
        Medium cloud = c.medium("cloud").orElseThrow();
        assertEquals(Map.of("s3.region", "eu-west-3", "s3.timeout", "120"), cloud.options());
        assertEquals(credentials, cloud.credentials());
        BackendSecrets s = CredentialsFile.secrets(cloud);
        assertEquals(SECRET, s.get("AWS_SECRET_ACCESS_KEY"), "blanks around the name and the value are ignored");
        assertEquals("AKIDEXAMPLE", s.get("AWS_ACCESS_KEY_ID"));
        assertEquals("eu-west-3", s.get("AWS_DEFAULT_REGION"));
        assertFalse(cloud.toString().contains(SECRET));
        assertNull(c.medium("disque-A").orElseThrow().credentials());
        assertTrue(c.medium("disque-A").orElseThrow().options().isEmpty());

        // written back as it was read, and the secret stays in its file
        String again = ConfigWriter.yaml(c);
        assertFalse(again.contains(SECRET), again);
        Medium reread = load(again).config().medium("cloud").orElseThrow();
        assertEquals(cloud.options(), reread.options());
        assertEquals(cloud.credentials(), reread.credentials());
    }

    @Test
    void aCredentialsFileOthersMayReadIsRefusedWithTheFixAndNothingOfItsContent() throws Exception {
        write("AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nAWS_SECRET_ACCESS_KEY=" + SECRET + "\n", "rw-r--r--");
        String yaml = yaml("credentials: cloud.credentials");
        List<String> fr = refused(yaml, "fr");
        assertEquals(List.of("hygie.yaml, ligne 10 : le fichier des identifiants " + credentials + " est accessible à "
                + "d'autres utilisateurs de l'ordinateur (droits rw-r--r--) alors qu'il contient des secrets : il est "
                + "refusé. Rendez-le privé avec « chmod 600 " + credentials + " », et changez ces identifiants chez "
                + "l'hébergeur s'ils ont pu être lus."), fr);
        List<String> en = refused(yaml, "en");
        assertTrue(en.get(0).contains("Make it private with \"chmod 600 " + credentials + "\""), en.get(0));
        for (String perms : List.of("rw-rw----", "rw----r--", "rw-----w-", "rwx--x---")) {
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString(perms));
            assertTrue(refused(yaml, "fr").get(0).contains("(droits " + perms + ")"), perms);
        }
        // the permissions are checked before the file is read: a malformed file others may read is refused for
        // its permissions, not for its lines
        write("AWS_ACCESS_KEY_ID=AKIDEXAMPLE\n" + SECRET + "\n", "rw-r--r--");
        assertEquals("credentials-open", load(yaml).mediumProblems().get("cloud").code());
        write("AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nAWS_SECRET_ACCESS_KEY=" + SECRET + "\n", "rw-r--r--");
        // a problem of the whole file is still an error, and the medium's problem is listed with it
        ConfigException both = assertThrows(ConfigException.class, () -> load(yaml.replace("practice:",
                "pratice:")));
        assertTrue(both.problems().stream().anyMatch(p -> p.error() && p.code().equals("unknown-key-near")),
                both.problems().toString());
        assertTrue(both.problems().stream().anyMatch(p -> !p.error() && p.code().equals("credentials-open")),
                both.problems().toString());
        // read at opening time too: a file made readable after the configuration was loaded is still refused
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        assertEquals(Map.of(), load(yaml).mediumProblems(), "private again: nothing against the medium");
        assertTrue(load(yaml).warnings().isEmpty(), load(yaml).warnings().toString());
        Medium cloud = load(yaml).config().medium("cloud").orElseThrow();
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r-----"));
        CredentialsFile.Refused r = assertThrows(CredentialsFile.Refused.class, () -> CredentialsFile.secrets(cloud));
        assertEquals("the credentials file " + credentials + " may be read by other users (rw-r-----): make it "
                + "private with chmod 600 " + credentials, r.getMessage());
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("r--------"));
        assertEquals(SECRET, CredentialsFile.secrets(cloud).get("AWS_SECRET_ACCESS_KEY"), "0400 is private too");
    }

    @Test
    void everyMistakeInTheFileIsNamedByItsLineWithoutShowingTheLine() throws Exception {
        String yaml = yaml("credentials: cloud.credentials");
        write("AWS_ACCESS_KEY_ID=AKIDEXAMPLE\n" + SECRET + "\n", "rw-------");
        assertEquals(List.of("hygie.yaml, ligne 10 : ligne 2 du fichier des identifiants " + credentials + " : écrivez "
                + "NOM=valeur, par exemple AWS_ACCESS_KEY_ID=… (cette ligne n'est pas recopiée ici : elle peut "
                + "contenir un secret)."), refused(yaml, "fr"));

        write("AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nAWS_SECRET_ACESS_KEY=" + SECRET + "\n", "rw-------");
        assertEquals(List.of("hygie.yaml, ligne 10 : ligne 2 du fichier des identifiants " + credentials + " : nom "
                + "inconnu « AWS_SECRET_ACESS_KEY » : vouliez-vous dire « AWS_SECRET_ACCESS_KEY » ?"),
                refused(yaml, "fr"));

        write("AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nAWS_SECRET_ACCESS_KEY=" + SECRET + "\nHYGIE_SFTP_PASSWORD=x\n",
                "rw-------");
        String other = refused(yaml, "fr").get(0);
        assertTrue(other.contains("ligne 3 du fichier des identifiants") && other.contains("« HYGIE_SFTP_PASSWORD » "
                + "sert aux stockages sftp:, or ce support est un stockage s3:"), other);

        write("MOT_DE_PASSE=" + SECRET + "\n", "rw-------");
        String unknown = refused(yaml, "fr").get(0);
        assertTrue(unknown.contains("nom inconnu « MOT_DE_PASSE ». Noms possibles pour ce support : "
                + "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_DEFAULT_REGION."), unknown);

        write("AWS_SECRET_ACCESS_KEY=" + SECRET + "\n", "rw-------");
        assertTrue(refused(yaml, "fr").get(0).contains("donne AWS_SECRET_ACCESS_KEY sans AWS_ACCESS_KEY_ID : un "
                + "stockage S3 demande les deux."));

        write("AWS_ACCESS_KEY_ID=a\nAWS_ACCESS_KEY_ID=b\nAWS_SECRET_ACCESS_KEY=" + SECRET + "\n", "rw-------");
        assertTrue(refused(yaml, "fr").get(0).contains("ligne 2 du fichier des identifiants " + credentials
                + " : « AWS_ACCESS_KEY_ID » est donné deux fois"));

        write("# rien encore\n", "rw-------");
        assertTrue(refused(yaml, "fr").get(0).contains("ne donne aucun identifiant"));

        Files.delete(credentials);
        assertEquals(List.of("hygie.yaml, ligne 10 : le fichier des identifiants " + credentials + " n'existe pas : "
                + "créez-le (des lignes NOM=valeur, puis chmod 600) ou relancez « hygie setup »."), refused(yaml, "fr"));
        for (String lang : List.of("fr", "en")) {
            Files.writeString(credentials, "AWS_ACCESS_KEY_ID=AKIDEXAMPLE\n" + SECRET + "\n");
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            assertFalse(String.join("\n", refused(yaml, lang)).contains(SECRET));
        }
    }

    @Test
    void optionsAreCheckedAsDashOIsAndNeverHoldASecret() {
        List<String> secret = errors(yaml("options: {s3.secret-key: " + SECRET + "}"), "fr");
        assertEquals(1, secret.size(), secret.toString());
        assertTrue(secret.get(0).startsWith("hygie.yaml, ligne 10 : « s3.secret-key » est un secret : il ne s'écrit "
                + "pas dans ce fichier"), secret.get(0));
        assertTrue(secret.get(0).contains("fichier des identifiants du support (credentials:"), secret.get(0));
        assertFalse(secret.get(0).contains(SECRET));
        assertTrue(errors(yaml("options:\n  AWS_SECRET_ACCESS_KEY: " + SECRET), "fr").get(0)
                .contains("« AWS_SECRET_ACCESS_KEY » est un secret"));

        List<String> typo = errors(yaml("options:\n  s3.regoin: eu-west-3"), "fr");
        assertEquals(List.of("hygie.yaml, ligne 11 : option inconnue « s3.regoin » : vouliez-vous dire « s3.region » ?"),
                typo);
        assertTrue(errors(yaml("options: {sftp.key: /home/cabinet/.ssh/id_ed25519}"), "fr").get(0)
                .contains("l'option « sftp.key » ne concerne pas ce support (s3:) : ses options commencent par « s3. »"));
        String bad = errors(yaml("options: {s3.timeout: longtemps}"), "fr").get(0);
        assertTrue(bad.contains("option invalide (s3.timeout must be a number of seconds, not longtemps) : corrigez sa "
                + "valeur."), bad);
    }

    /** A store's address its backend refuses (a bucket name S3 does not allow) is an error with its line. */
    @Test
    void aMalformedStoreAddressIsAnErrorWithItsLine() {
        String yaml = yaml("").replace("s3:https://s3.example.org/cabinet-exemple",
                "s3:https://s3.example.org/Cabinet_Exemple");
        List<String> fr = errors(yaml, "fr");
        assertEquals(1, fr.size(), fr.toString());
        assertTrue(fr.get(0).startsWith("hygie.yaml, ligne 8 : adresse de dépôt invalide ('Cabinet_Exemple' is not a "
                + "valid S3 bucket name"), fr.get(0));
        assertTrue(fr.get(0).endsWith(") : corrigez-la."), fr.get(0));
        assertTrue(errors(yaml, "en").get(0).contains("invalid repository address ('Cabinet_Exemple'"));
    }

    @Test
    void aFolderTakesNeitherOptionsNorCredentials() {
        String yaml = yaml("").replace("    rotation: 7d\n", "    rotation: 7d\n    options: {s3.region: x}\n"
                + "    credentials: disque.credentials\n");
        List<String> fr = errors(yaml, "fr");
        assertEquals(2, fr.size(), fr.toString());
        assertEquals("hygie.yaml, ligne 7 : « options » ne sert qu'aux stockages distants (s3:, sftp:, rest:) ; le "
                + "support « disque-A » est un dossier : retirez cette ligne.", fr.get(0));
        assertTrue(fr.get(1).startsWith("hygie.yaml, ligne 8 : « credentials » ne sert qu'aux stockages distants"));
    }

    @Test
    void aPasswordInALocationIsMaskedAndToldToMove() {
        String yaml = yaml("").replace("s3:https://s3.example.org/cabinet-exemple",
                "rest:https://cabinet:" + SECRET + "@nas.example.org:8000/cabinet/");
        ConfigLoader.Loaded l = load(yaml);
        assertEquals(1, l.warnings().size(), l.warnings().toString());
        String w = l.warnings().get(0).render(Texts.of("fr"), tmp.resolve("hygie.yaml"));
        assertEquals("hygie.yaml, ligne 8 : l'emplacement du support « cloud » contient un mot de passe, que quiconque "
                + "lit ce fichier peut voir. Retirez-le de l'emplacement (rest:https://cabinet:***@nas.example.org:8000"
                + "/cabinet/) et mettez-le dans un fichier d'identifiants privé (credentials:, lignes "
                + "HYGIE_REST_USERNAME, HYGIE_REST_PASSWORD).", w);
    }
}
