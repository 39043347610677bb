package dev.gen.run;

import java.util.List;

/**
 * What a repair changed in the history table.
 *
 * @param removedFailed failed migrations whose records were deleted, so that the next run applies them again
 * @param realignedChecksums applied migrations whose recorded checksum was replaced by their source's
 */
public record RepairResult(List<MigrationId> removedFailed, List<MigrationId> realignedChecksums) {

    public RepairResult {
        removedFailed = List.copyOf(removedFailed);
        realignedChecksums = List.copyOf(realignedChecksums);
    }
}
