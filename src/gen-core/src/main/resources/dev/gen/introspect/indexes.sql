-- Indexes that do not back a primary key, unique or exclusion constraint of their own table. (A foreign key's
-- conindid names the referenced table's index it relies on; that index is still a standalone index.)
-- indkey holds a column number per key (0 for an expression; INCLUDE columns after the indnkeyatts keys),
-- indoption the direction (bit 1: DESC). Expression texts are printed only for indexes that have expressions;
-- pg_get_indexdef with a column number prints neither direction nor operator class.
SELECT x.indrelid AS table_oid,
       i.relname AS index_name,
       x.indisunique AS is_unique,
       am.amname AS method,
       pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS predicate,
       x.indnkeyatts AS key_count,
       x.indkey::pg_catalog.int2[] AS column_numbers,
       x.indoption::pg_catalog.int2[] AS options,
       CASE WHEN 0 = ANY (x.indkey::pg_catalog.int2[]) THEN
           ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, p, true)
                 FROM pg_catalog.generate_series(1, x.indnkeyatts) AS p ORDER BY p)
       END AS key_texts
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
WHERE n.nspname = ANY (?)
  AND t.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                  WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x'))
