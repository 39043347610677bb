-- Sets search_path for the rest of the transaction and returns the value it had, with the requested schemas
-- that exist (one that does not is one the migration must create). The CTE row is read before the outer
-- projection calls set_config, so the old value is the one in force before this statement.
-- Parameters: the search_path to set (text), the requested schemas (text[]).
WITH previous AS MATERIALIZED (SELECT pg_catalog.current_setting('search_path') AS search_path)
SELECT previous.search_path,
       pg_catalog.set_config('search_path', ?, true),
       ARRAY(SELECT n.nspname::text FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?)) AS existing_schemas
FROM previous
