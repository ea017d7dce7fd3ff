-- Runs once when the PostgreSQL volume is created. Each service creates and migrates its own
-- schema at start; this only makes the database and keeps the public schema closed.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
