/**
 * Bringing the desired schema (Hibernate's DDL text) into PostgreSQL's canonical spelling
 * ({@link dev.gen.normalize.DesiredNormalizer}), and settling check texts that print differently but mean the same
 * ({@link dev.gen.normalize.CheckSettler}), so that the diff compares text with text.
 *
 * <h2>One rule in one place</h2>
 * The scratch tables are written with the renderer's own DDL fragments ({@link dev.gen.pg.TableSql},
 * {@link dev.gen.pg.EnumTypeSql}, {@link dev.gen.pg.SqlRenderer#createSchema}, quoting through
 * {@link dev.gen.pg.Sql}), so that a text is parsed from the same DDL the migration will run; they are read back
 * with the Introspector's catalog queries ({@link dev.gen.introspect.Introspector#readTables(
 * dev.gen.introspect.QueryRunner, java.util.Collection, boolean)}), so that both sides are printed by the same code.
 *
 * <h2>Cost</h2>
 * Nothing from the server when every table is new and every type is known; else one script of DDL, three catalog
 * reads and a rollback, with the texts packed into a few temporary tables ({@code ScratchPlan}).
 * Round trips count on the Introspector's {@link dev.gen.introspect.QueryRunner}.
 *
 * <h2>How names are parsed</h2>
 * The mappings' texts are parsed with the managed schemas first and then the session's path, as the application
 * resolves them; the scratch tables are printed under the managed schemas alone, as the Introspector prints the
 * current side.
 *
 * <h2>Never committed</h2>
 * Everything runs in a transaction (or a savepoint of the caller's) that is rolled back and cannot commit
 * ({@code ScratchTransaction}).
 */
package dev.gen.normalize;
