package dev.gen.maven;

import dev.gen.core.Migrations;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn gen:create -Dgen.name=FillDomain}: a blank migration, for hand-written or Java data migrations. */
@Mojo(name = "create", threadSafe = true)
public class CreateMojo extends GenMojo {

    /** The migration's name ({@code gen.name}). */
    @Parameter(property = "gen.name")
    String name;

    @Override
    void run() throws MojoFailureException {
        String migrationName = option("name", name);
        if (migrationName == null || migrationName.isBlank()) {
            throw new MojoFailureException("gen (exit 2): Missing the migration's name: mvn gen:create"
                    + " -Dgen.name=FillDomain.");
        }
        Path file = Migrations.create(config(false), migrationName, null, null);
        getLog().info("Wrote " + file);
    }
}
