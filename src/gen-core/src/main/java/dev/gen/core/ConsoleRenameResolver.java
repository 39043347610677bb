package dev.gen.core;

import dev.gen.diff.RenameCandidate;
import java.io.Console;

/** Asks on the terminal, as Django does: {@code Did you rename users.nick to users.nickname? [y/N]}. */
final class ConsoleRenameResolver implements RenameResolver {

    private final Console console;

    ConsoleRenameResolver(Console console) {
        this.console = console;
    }

    /** See {@link RenameResolver#forTerminal()}. */
    static RenameResolver forTerminal() {
        Console console = System.console();
        return console == null || !isTerminal(console) ? null : new ConsoleRenameResolver(console);
    }

    /** From Java 22 a console exists even when input is redirected; {@code isTerminal()} then tells. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22, System.console() is null unless both ends are a terminal
        }
    }

    @Override
    public boolean confirm(String question, RenameCandidate candidate) {
        String answer = console.readLine("%s ", question);
        if (answer == null) {
            return false;
        }
        String a = answer.strip().toLowerCase(java.util.Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
