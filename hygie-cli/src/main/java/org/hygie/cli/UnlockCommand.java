package org.hygie.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.lock.Locks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code hygie unlock}: removes stale locks only (a running backup's lock stays). */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Retire les verrous abandonnés / remove stale locks.")
final class UnlockCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Override
    public Integer call() throws Exception {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        try (Repository r = repo.open(msg, t)) {
            List<Id> removed = Locks.removeStale(r);
            t.println(msg.get("unlock.done", removed.size()));
        }
        return ExitCode.OK;
    }
}
