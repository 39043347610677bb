package dev.gen.seed;

/** What a seed run does with objects of the file that the database already holds (a second run). */
public enum ExistingRows {
    /** Leave them as they are and insert only the others; references to them use the existing row. */
    SKIP,
    /** Insert nothing and name them. */
    REFUSE
}
