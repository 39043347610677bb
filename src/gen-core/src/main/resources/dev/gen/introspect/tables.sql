-- Ordinary and partitioned tables with their columns and comments: one row per column, or one row with null
-- columns for a table without any (the caller sorts columns by number). Partitions and tables an extension
-- owns are not part of the model, but their columns are read (flag "hidden") so that key column numbers
-- pointing at them resolve. Defaults and comments are looked up per row through their unique indexes: the plan
-- then stays the same even when the catalog's statistics are stale, as they are right after a migration.
-- The table's estimated rows (reltuples, -1 when never analysed) and size on disk (heap, TOAST, indexes) weigh
-- the hazards; the size is computed once per table in the derived table c, which PostgreSQL does not flatten
-- into the per-column rows because pg_total_relation_size is volatile. pg_total_relation_size takes ACCESS SHARE
-- on the table, so for a table another session holds (or waits for) in ACCESS EXCLUSIVE mode, a running
-- migration say, the size comes from the pages the catalog counted at the last VACUUM or ANALYZE instead: reading
-- the schema never waits for a lock (pg_locks is read once, as a hashed subplan). pg_total_relation_size reads
-- the size of every fork of the table, its TOAST table and each index from the file system: for a table whose
-- heap and TOAST data are under 64 kB (every table of a new schema) those two alone are the size, which saves
-- most of this query's time on a schema of thousands of tables and changes no hazard (no large-table threshold
-- is that small in practice; one that is compares with the data alone).
SELECT c.oid AS table_oid,
       n.nspname AS schema_name,
       c.relname AS table_name,
       c.relispartition OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                                   WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                     AND e.objid = c.oid AND e.deptype = 'e') AS hidden,
       (SELECT td.description FROM pg_catalog.pg_description td
        WHERE td.objoid = c.oid AND td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND td.objsubid = 0) AS table_comment,
       c.reltuples::bigint AS estimated_rows,
       c.total_bytes,
       a.attnum AS column_number,
       a.attname AS column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type,
       a.attnotnull AS not_null,
       CASE WHEN a.atthasdef THEN
           (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d
            WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum)
       END AS default_expression,
       a.attidentity AS identity,
       a.attgenerated AS generated,
       (SELECT cd.description FROM pg_catalog.pg_description cd
        WHERE cd.objoid = c.oid AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND cd.objsubid = a.attnum) AS column_comment
FROM (SELECT t.oid, t.relnamespace, t.relname, t.relispartition, t.reltuples,
             CASE WHEN t.oid IN (SELECT l.relation FROM pg_catalog.pg_locks l
                                 WHERE l.mode = 'AccessExclusiveLock' AND l.relation IS NOT NULL
                                   AND l.database = (SELECT db.oid FROM pg_catalog.pg_database db
                                                     WHERE db.datname = pg_catalog.current_database()))
                  THEN (t.relpages::bigint
                        + COALESCE((SELECT o.relpages FROM pg_catalog.pg_class o WHERE o.oid = t.reltoastrelid), 0)
                        + COALESCE((SELECT sum(i.relpages) FROM pg_catalog.pg_index x
                                    JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
                                    WHERE x.indrelid = t.oid), 0))::bigint
                       * pg_catalog.current_setting('block_size')::bigint
                  ELSE (SELECT CASE WHEN s.data_bytes < 65536 THEN s.data_bytes
                                    ELSE pg_catalog.pg_total_relation_size(t.oid) END
                        FROM (SELECT pg_catalog.pg_relation_size(t.oid)
                                     + COALESCE(pg_catalog.pg_relation_size(NULLIF(t.reltoastrelid, 0)), 0)
                                     AS data_bytes) s)
             END AS total_bytes
      FROM pg_catalog.pg_class t
      JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
      WHERE tn.nspname = ANY (?)
        AND t.relkind IN ('r', 'p')) c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
