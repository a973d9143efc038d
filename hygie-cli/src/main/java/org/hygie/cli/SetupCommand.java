package org.hygie.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hygie.practice.media.MediumOpener;
import org.hygie.practice.setup.Conversation;
import org.hygie.practice.setup.Setup;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hygie setup}: the guided set-up at the terminal (questions and answers on standard input and output;
 * the flow is in {@code hygie-practice}).
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Installation guidée du cabinet / guided set-up of the practice.")
final class SetupCommand implements Callable<Integer> {
    @ParentCommand
    HygieCommand root;

    @Mixin
    PracticeOptions practice = new PracticeOptions();

    @Override
    public Integer call() throws IOException {
        Messages msg = root.messages();
        Terminal t = root.terminal();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Conversation c = new Conversation() {
            @Override
            public void say(String text) {
                t.println(text);
            }

            @Override
            public String ask(String question, String dflt) {
                t.out().print(question + (dflt == null || dflt.isEmpty() ? "" : " [" + dflt + "]") + " : ");
                t.out().flush();
                String line = readLine();
                if (line == null) {
                    throw new SetupAborted();
                }
                String a = line.strip();
                return a.isEmpty() && dflt != null ? dflt : a;
            }

            @Override
            public String secret(String question) {
                java.io.Console console = System.console();
                if (console != null) {
                    char[] pw = console.readPassword("%s : ", question);
                    if (pw == null) {
                        throw new SetupAborted();
                    }
                    return new String(pw).strip();
                }
                return ask(question, "");
            }

            private String readLine() {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Path file = practice.file();
        try {
            Setup.Result r = new Setup(c, Texts.of(msg.locale()), MediumOpener.LIVE, Repository.KdfParams.DEFAULT,
                    Clock.systemDefaultZone(), Path.of(System.getProperty("user.home"))).run(file);
            return r.config() == null ? ExitCode.FAILED : ExitCode.OK;
        } catch (Conversation.SetupAborted e) {
            t.println("");
            throw new UserError(ExitCode.FAILED, "setup.aborted");
        }
    }
}
