-- Sequences, without those an identity column owns (deptype 'i') or an extension owns. A sequence owned by a
-- column (OWNED BY, as serial makes them; deptype 'a') comes with its owner table so that the caller can
-- leave it out together with an excluded table.
SELECT n.nspname AS schema_name,
       c.relname AS sequence_name,
       s.seqstart AS start_value,
       s.seqincrement AS increment_by,
       own.nspname AS owner_schema,
       oc.relname AS owner_table
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_depend d
       ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a'
LEFT JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid
LEFT JOIN pg_catalog.pg_namespace own ON own.oid = oc.relnamespace
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid
                    AND e.deptype IN ('i', 'e'))
