-- Enum types (not those an extension owns) with their labels in sort order.
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL) AS labels
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = ANY (?)
  AND t.typtype = 'e'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
GROUP BY n.nspname, t.typname
