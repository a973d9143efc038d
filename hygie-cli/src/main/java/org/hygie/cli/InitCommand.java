package org.hygie.cli;

import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.hygie.repository.Repository;
import org.hygie.repository.cache.WriteMarks;
import org.hygie.repository.chunker.Polynomial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hygie init}: creates a repository in restic's format. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Crée un dépôt de sauvegarde (format restic v2) / create a repository (restic format v2).")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    RepositoryOptions repo = new RepositoryOptions();

    @Option(names = "--repository-version", defaultValue = "2", paramLabel = "1|2",
            description = "Version du format (2 par défaut) / format version (default 2).")
    int version;

    @Override
    public Integer call() {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        byte[] password = repo.password(msg, t, true);
        long polynomial = Polynomial.randomIrreducible(new SecureRandom()).value();
        // a repository across a network gets its local folder now, told that its data/ holds no pack yet: the first
        // backup then does not list data/ for packs left without an index by an interrupted writer
        try (Repository r = RepositoryOptions.throughLocalCopy(Repository.init(repo.backend(), password, version,
                polynomial, Repository.KdfParams.DEFAULT), repo.noCache, msg, t)) {
            WriteMarks.createdHere(r.backend());
            t.println(msg.get("init.done", r.config().id().substring(0, 10), r.backend().location()));
            t.println(msg.get("init.keep-password"));
        } catch (java.io.IOException e) {
            throw new UserError(ExitCode.FAILED, "error.unexpected", e.getMessage());
        }
        return ExitCode.OK;
    }
}
