package dev.gen.maven;

import dev.gen.core.MigrationCommands;
import dev.gen.core.MigrationCommands.State;
import dev.gen.core.RunSettings;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn gen:show}: every migration, applied or pending, with its location; fails (as the command line exits
 * with 6) when one is in trouble: edited, missing, out of order or failed.
 */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class ShowMojo extends GenMojo {

    @Override
    void run() throws MojoFailureException {
        List<MigrationCommands.Status> statuses = MigrationCommands.status(config(true), RunSettings.defaults());
        if (statuses.isEmpty()) {
            getLog().info("No migrations.");
        }
        boolean trouble = false;
        for (MigrationCommands.Status status : statuses) {
            boolean fine = status.state() == State.APPLIED || status.state() == State.PENDING;
            trouble |= !fine;
            getLog().info((status.state() == State.APPLIED ? "[X] " : fine ? "[ ] " : "[!] ") + status.id()
                    + "  " + status.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (status.appliedAt() == null ? "" : " " + status.appliedAt())
                    + (status.location() == null ? "" : "  (" + status.location() + ")"));
        }
        if (trouble) {
            throw new MojoFailureException("gen (exit 6): some migrations disagree with the history (marked [!])."
                    + " See gen migration:show in the README for what each state means.");
        }
    }
}
