package dev.gen.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A checksum a migration declares for itself, as Flyway's Java migrations can: the runner records and compares this
 * value instead of one it computes, so that the same migration has one checksum whether it is compiled from the
 * migrations directory or loaded precompiled from a jar. Change the value whenever the migration's statements
 * change. It is an annotation, not a method, because the runner reads it without creating the migration or running
 * any of its code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MigrationChecksum {

    /** Any non-empty text, for example a version number or a hash the build computes. */
    String value();
}
