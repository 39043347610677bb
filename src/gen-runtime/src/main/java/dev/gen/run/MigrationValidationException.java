package dev.gen.run;

import java.util.List;

/**
 * The migrations and the history table disagree (an edited, missing, out-of-order or failed migration), or the
 * options cannot work; raised before any statement ran.
 */
public class MigrationValidationException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public MigrationValidationException(List<String> problems) {
        super(String.join(" ", problems) + " Nothing was executed.");
        this.problems = List.copyOf(problems);
    }

    /** Each problem as a sentence or two, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
