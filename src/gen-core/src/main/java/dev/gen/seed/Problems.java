package dev.gen.seed;

/** The one-paragraph messages of seed errors: the file, the JSON path, the entity, the attribute, the fix. */
final class Problems {

    private Problems() {
    }

    static SeedException input(String file, String path, String entity, String attribute, String what) {
        return new SeedException(SeedException.Kind.INPUT, "Cannot seed from " + file + ": at " + path
                + where(entity, attribute) + ", " + what + " Nothing was inserted.");
    }

    static String where(String entity, String attribute) {
        if (entity == null) {
            return "";
        }
        return " (entity " + entity + (attribute == null ? "" : ", attribute " + attribute) + ")";
    }
}
