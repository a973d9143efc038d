package org.hygie.cli;

import java.util.concurrent.Callable;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.key.Keys;
import org.hygie.repository.lock.RepositoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hygie key list|add|passwd}: the passwords that open a repository. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "Gère les mots de passe du dépôt / manage the repository's passwords.",
        subcommands = {KeyCommand.ListKeys.class, KeyCommand.AddKey.class, KeyCommand.Passwd.class})
final class KeyCommand {
    @ParentCommand
    HygieCommand root;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Liste les clés / list keys.")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeyCommand parent;

        @Mixin
        RepositoryOptions repo = new RepositoryOptions();

        @Option(names = "--json", description = "Sortie JSON / JSON output.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Messages msg = parent.root.messages();
            Terminal t = parent.root.terminal();
            try (Repository r = repo.open(msg, t); RepositoryLock lock = Locking.lock(r, false, parent.root)) {
                var keys = Keys.list(r.backend());
                if (json) {
                    var arr = org.hygie.repository.json.Json.MAPPER.createArrayNode();
                    for (Keys.Info k : keys) {
                        arr.addObject().put("current", k.id().equals(r.keyId())).put("id", k.id().hex())
                                .put("userName", k.username()).put("hostName", k.hostname())
                                .put("created", k.created());
                    }
                    t.println(arr.toString());
                } else {
                    t.println(String.format(" %-10s %-12s %-20s %s", "ID", msg.get("key.user"), msg.get("key.host"),
                            msg.get("key.created")));
                    for (Keys.Info k : keys) {
                        t.println(String.format("%s%-10s %-12s %-20s %s", k.id().equals(r.keyId()) ? "*" : " ",
                                k.id().shortHex(), k.username(), k.hostname(), k.created()));
                    }
                }
            }
            return ExitCode.OK;
        }
    }

    /** What {@code key add} and {@code key passwd} share: the repository and where the new password comes from. */
    abstract static class NewPassword implements Callable<Integer> {
        @ParentCommand
        KeyCommand parent;

        @Mixin
        RepositoryOptions repo = new RepositoryOptions();

        @Option(names = "--new-password-file", paramLabel = "FICHIER",
                description = "Fichier du nouveau mot de passe / file holding the new password.")
        java.nio.file.Path newPasswordFile;

        /** Whether the key in use goes once the new one is written. */
        abstract boolean replace();

        @Override
        public Integer call() throws Exception {
            return addPassword(parent.root, repo, newPasswordFile, replace());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Ajoute un mot de passe (demandé au terminal, ou --new-password-file) / add a password.")
    static final class AddKey extends NewPassword {
        @Override
        boolean replace() {
            return false;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change le mot de passe utilisé / change the password in use.")
    static final class Passwd extends NewPassword {
        @Override
        boolean replace() {
            return true;
        }
    }

    /** Adds a key for a new password; with {@code replace}, then removes the key in use (exclusive lock). */
    static int addPassword(HygieCommand root, RepositoryOptions repo, java.nio.file.Path newPasswordFile,
            boolean replace) throws java.io.IOException {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        try (Repository r = repo.open(msg, t); RepositoryLock lock = Locking.lock(r, replace, root)) {
            Id id = addKey(r, newPassword(newPasswordFile, msg, t));
            if (replace) {
                // The new key is written before the old one goes: a crash between leaves both, never none.
                Keys.remove(r.backend(), r.keyId());
            }
            t.println(msg.get(replace ? "key.changed" : "key.added", id.shortHex()));
        }
        return ExitCode.OK;
    }

    static byte[] newPassword(java.nio.file.Path file, Messages msg, Terminal t) {
        if (file != null) {
            return RepositoryOptions.readPasswordFile(file, t, msg);
        }
        return RepositoryOptions.prompt(msg, true, "prompt.new-password");
    }

    static Id addKey(Repository r, byte[] password) {
        Repository.KdfParams kdf = Repository.KdfParams.DEFAULT;
        return Keys.add(r.backend(), r.key(), password, kdf.n(), kdf.r(), kdf.p());
    }
}
