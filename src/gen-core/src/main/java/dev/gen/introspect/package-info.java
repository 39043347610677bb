/**
 * Reading the live schema ({@link dev.gen.introspect.Introspector}), the current side of the diff. The desired
 * side is brought into the same spelling by {@code dev.gen.normalize}, which reads its scratch tables back with
 * these same queries ({@link dev.gen.introspect.Introspector#readTables(QueryRunner, java.util.Collection,
 * boolean)}) under the same search_path ({@link dev.gen.introspect.Introspector#searchPath}), so that the diff
 * compares text with text.
 *
 * <h2>Cost</h2>
 * The Introspector sends seven statements whatever the number of tables: one that sets the search_path and
 * finds which schemas exist, one bulk {@code pg_catalog} query per object kind (each a {@code .sql} file next to
 * these classes, filtered by {@code nspname = ANY (?)}), and the end of its read-only transaction. Key columns
 * come back as column numbers and get their names in Java; defaults and comments are looked up through their
 * unique indexes, so that the plans stay good when the catalog statistics are stale.
 *
 * <h2>How names print</h2>
 * Both sides are printed under a search_path of the managed schemas in sorted order (transaction-local): an
 * object in them prints unqualified ({@code status}, {@code 'NEW'::status}, {@code nextval('seq'::regclass)}),
 * anything else schema-qualified ({@code other.status}), whatever the session's own search_path. Generated SQL
 * that uses these texts therefore expects the managed schemas on the search_path when it runs.
 *
 * <h2>What is read</h2>
 * <ul>
 *   <li>Tables: ordinary and partitioned tables; not views, not partitions (part of their parent), not tables an
 *       extension owns (PostGIS's {@code spatial_ref_sys}), not tables the caller excludes.
 *   <li>Columns in order, without dropped and system columns. Type is {@code format_type}; default is
 *       {@code pg_get_expr}, null for identity columns; generated columns read as plain columns (their
 *       expression is not modelled); collation is not modelled.
 *   <li>Constraints: primary keys, unique keys, foreign keys (ON DELETE only; ON UPDATE, MATCH and
 *       deferrability are not modelled) and checks ({@code pg_get_constraintdef} without {@code CHECK } and
 *       without {@code NOT VALID}; name as stored, column null). Exclusion constraints and PostgreSQL 18's NOT
 *       NULL constraints are not read.
 *   <li>Indexes that back no primary key, unique or exclusion constraint: plain keys by column name, expression
 *       keys as {@code pg_get_indexdef(index, n, true)}, DESC for either; partial predicate by
 *       {@code pg_get_expr}; NULLS FIRST/LAST, INCLUDE columns, operator classes and collations are not modelled.
 *   <li>Sequences: all but those an identity column or an extension owns; a serial column's sequence is listed
 *       unless its table is excluded.
 *   <li>Enum types with their labels in sort order. {@code Schema.schemas} holds the requested schemas that
 *       exist.
 * </ul>
 * Lists are sorted by name (columns by position) so that equal schemas give equal records.
 */
package dev.gen.introspect;
