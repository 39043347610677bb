package dev.gen.core;

import dev.gen.diff.RenameCandidate;

/**
 * Answers whether a drop and an add that look alike are a rename. The command line asks on an interactive terminal
 * ({@code Did you rename users.nick to users.nickname? [y/N]}); tests answer in code. Without a resolver,
 * {@code generate} refuses until the user confirms with {@code --rename} or allows the drop.
 */
@FunctionalInterface
public interface RenameResolver {

    /**
     * @param question the question to show, e.g. {@code Did you rename users.nick to users.nickname? [y/N]}
     * @return true when the user confirms the rename
     */
    boolean confirm(String question, RenameCandidate candidate);

    /** A resolver for this process's terminal, or null when there is none (a pipe, CI): then gen refuses. */
    static RenameResolver forTerminal() {
        return ConsoleRenameResolver.forTerminal();
    }
}
