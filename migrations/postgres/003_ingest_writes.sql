-- Fewer writes per ingested article (migrations/003). PostgreSQL keeps its full-text columns itself (generated
-- columns), so there is no trigger to drop; the alias index 003 drops in SQLite was never made here.
SELECT 1;
