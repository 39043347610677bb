/**
 * Rules of SQL text that every part of gen shares, runner included: quoting ({@link dev.gen.sql.Quote}) and
 * PostgreSQL's spelling of durations ({@link dev.gen.sql.PgDuration}). JDK only, like the rest of gen-runtime.
 */
package dev.gen.sql;
