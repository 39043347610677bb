-- Enum types (not those an extension owns) with their labels in sort order, and what depends on each type or its
-- array type apart from the array type itself and casts (columns of tables and views, functions, domains): a type
-- still used outside the tables gen manages must not be dropped. user_relations is schema.name of a relation
-- dependent, NULL for other objects; user_descriptions says what it is, in PostgreSQL's words.
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL) AS labels,
       users.relations AS user_relations,
       users.descriptions AS user_descriptions
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
LEFT JOIN LATERAL (
    SELECT pg_catalog.array_agg(CASE WHEN d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                     THEN (SELECT rn.nspname || '.' || r.relname FROM pg_catalog.pg_class r
                                           JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
                                           WHERE r.oid = d.objid AND r.relkind IN ('r', 'p')) END
                                ORDER BY d.classid, d.objid, d.objsubid) AS relations,
           pg_catalog.array_agg(pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
                                ORDER BY d.classid, d.objid, d.objsubid) AS descriptions
    FROM pg_catalog.pg_depend d
    WHERE d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass
      AND d.refobjid IN (t.oid, t.typarray)
      AND d.deptype = 'n'
      AND d.classid <> 'pg_catalog.pg_cast'::pg_catalog.regclass
      AND NOT (d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.typarray)
) users ON true
WHERE n.nspname = ANY (?)
  AND t.typtype = 'e'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
GROUP BY n.nspname, t.typname, users.relations, users.descriptions
