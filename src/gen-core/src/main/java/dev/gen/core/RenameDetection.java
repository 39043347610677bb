package dev.gen.core;

import dev.gen.diff.DiffOptions;
import dev.gen.diff.SchemaDiff;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.diff.RenameCandidate;
import dev.gen.diff.RenameCandidates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the renames the user gave and the candidates gen detects into the renames the diff applies: asks the
 * request's {@link RenameResolver} about each candidate, or refuses (exit 3) naming the flag that resolves each.
 */
final class RenameDetection {

    private RenameDetection() {
    }

    static DiffOptions resolve(Schema current, Schema desired, GenerateRequest request, String defaultSchema) {
        DiffOptions options = request.renames();
        validate(current, desired, options, defaultSchema);
        Set<RenameCandidate> asked = new HashSet<>();
        while (true) {
            List<RenameCandidate> open = new ArrayList<>(RenameCandidates.find(current, desired, options));
            open.removeAll(asked);
            if (open.isEmpty()) {
                return options;
            }
            RenameResolver resolver = request.renameResolver();
            if (request.mode() == GenerateRequest.Mode.CHECK) {
                return options; // --check asks nothing: the guard's verdicts name the flags (README, --check)
            }
            if (resolver == null) {
                if (request.allowDestructive()) {
                    return options;
                }
                throw new GenException(refusal(open, defaultSchema), ExitCodes.REFUSED);
            }
            boolean confirmed = false;
            for (RenameCandidate candidate : open) {
                asked.add(candidate);
                if (resolver.confirm("Did you rename " + candidate.describe(defaultSchema) + "? [y/N]", candidate)) {
                    options = RenameCandidates.confirm(options, candidate);
                    confirmed = true;
                    break; // a confirmed table rename can reveal column renames inside it: look again
                }
            }
            if (!confirmed) {
                return options;
            }
        }
    }

    static String refusal(List<RenameCandidate> candidates, String defaultSchema) {
        StringBuilder message = new StringBuilder("No migration was written: ")
                .append(candidates.size() == 1 ? "a drop and an add look like a rename"
                        : candidates.size() + " drops and adds look like renames")
                .append(", and there is no terminal to ask. ");
        for (RenameCandidate candidate : candidates) {
            message.append("\n  - ").append(candidate.describe(defaultSchema)).append(": if renamed, pass ")
                    .append(candidate.flag(defaultSchema));
        }
        message.append("\nA rename keeps the data. To drop the old ")
                .append(candidates.stream().allMatch(RenameCandidate::isTable) ? "table" : "column or table")
                .append(" and add the new one instead (the data is lost), pass --allow-destructive.");
        return message.toString();
    }

    private static void validate(Schema current, Schema desired, DiffOptions options, String defaultSchema) {
        for (Map.Entry<QualifiedName, QualifiedName> rename : options.tableRenames().entrySet()) {
            if (current.table(rename.getKey()) == null) {
                throw new GenException("--rename-table " + rename.getKey().name() + "=" + rename.getValue().name()
                        + ": the database has no table " + rename.getKey() + ".", ExitCodes.USAGE);
            }
            if (desired.table(rename.getValue()) == null) {
                throw new GenException("--rename-table " + rename.getKey().name() + "=" + rename.getValue().name()
                        + ": the entities map no table " + rename.getValue() + ".", ExitCodes.USAGE);
            }
        }
        Schema renamed = SchemaDiff.applyRenames(current, new DiffOptions(options.tableRenames(), Map.of()));
        for (Map.Entry<QualifiedName, Map<String, String>> table : options.columnRenames().entrySet()) {
            Table existing = renamed.table(table.getKey());
            for (Map.Entry<String, String> rename : table.getValue().entrySet()) {
                String flag = "--rename " + table.getKey().name() + "." + rename.getKey() + "=" + rename.getValue();
                if (existing == null || existing.column(rename.getKey()).isEmpty()) {
                    throw new GenException(flag + ": the database has no column " + table.getKey() + "."
                            + rename.getKey() + ".", ExitCodes.USAGE);
                }
                Table wanted = desired.table(table.getKey());
                if (wanted == null || wanted.column(rename.getValue()).isEmpty()) {
                    throw new GenException(flag + ": the entities map no column " + table.getKey() + "."
                            + rename.getValue() + ".", ExitCodes.USAGE);
                }
            }
        }
    }
}
