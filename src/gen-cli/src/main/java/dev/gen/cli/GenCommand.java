package dev.gen.cli;

import picocli.CommandLine.Command;

@Command(name = "gen", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Schema migrations for JPA/Hibernate entities on PostgreSQL.",
        subcommands = {GenerateCommand.class, CreateCommand.class, RunCommand.class, RevertCommand.class,
                ShowCommand.class, BaselineCommand.class, RepairCommand.class, SeedCommand.class, VerifyCommand.class,
                DriftCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success, or nothing to do",
                "  1  migration:generate --check found changes without a migration,",
                "     migration:verify found a problem, migration:drift found drift",
                "     (seed refuses for the same reason)",
                "  2  usage or configuration error",
                "  3  refused by a guard (NOT NULL on an existing table, a drop, a narrowing)",
                "  4  cannot connect to the database (host, credentials, database name)",
                "  5  the entity classpath or mapping cannot be read or expressed",
                "  6  migrations do not compile or disagree with the history",
                "     (edited, missing, out of order, failed)",
                "  7  a migration failed and was rolled back",
                "  8  the migration lock was held by another runner for too long",
                "  9  seed rejected its file (malformed, not matching the entities, a",
                "     constraint violated, or rows that may exist); nothing inserted",
                " 70  internal error (a bug in gen)",
                "",
                "Settings: a flag, then the environment (GEN_URL, GEN_USER, GEN_PASSWORD,",
                "GEN_SCHEMA, GEN_CLASSPATH, GEN_DIR), then gen.properties.",
                "A password is never taken from a flag's value."})
final class GenCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
