package dev.gen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen.diff.Change;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner's phases cover every kind of change: a new kind without a phase fails here, not in a user's run. */
class PhaseTest {

    @Test
    void everyKindOfChangeHasAPhase() {
        assertEquals(Set.of(Change.class.getPermittedSubclasses()), Phase.kinds());
    }
}
