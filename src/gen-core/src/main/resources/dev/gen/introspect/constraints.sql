-- Primary keys, unique keys, foreign keys and checks of the tables in the schemas, with their key column
-- numbers in key order; the caller turns them into names with what tables.sql read. Only for a foreign key to
-- a table in another schema, which that query may not have read, are the referenced names looked up here.
-- Rows a partitioned referenced table adds per partition (conparentid) and NOT NULL constraints (contype 'n',
-- PostgreSQL 18) are left out.
SELECT con.conrelid AS table_oid,
       con.conname AS constraint_name,
       con.contype AS kind,
       con.conkey AS column_numbers,
       con.confrelid AS referenced_oid,
       con.confkey AS referenced_column_numbers,
       rn.nspname AS referenced_schema,
       rc.relname AS referenced_table,
       CASE WHEN rc.relnamespace <> c.relnamespace THEN
           ARRAY(SELECT a.attname::text
                 FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                 JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                 ORDER BY k.position)
       END AS referenced_columns,
       con.confdeltype AS on_delete,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE n.nspname = ANY (?)
  AND c.relkind IN ('r', 'p')
  AND con.contype IN ('p', 'u', 'f', 'c')
  AND con.conparentid = 0
