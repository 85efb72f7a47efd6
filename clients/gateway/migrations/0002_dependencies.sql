-- What each version declares it needs (`dependencies.modules` of its metadata), one row per
-- edge, so that reverse dependencies (`/v1/modules/{ns}/{name}/dependents`) are one index read.
CREATE TABLE dependencies (
	package TEXT NOT NULL,
	version TEXT NOT NULL,
	dependency TEXT NOT NULL,
	range_text TEXT NOT NULL,
	PRIMARY KEY (package, version, dependency)
);
CREATE INDEX dependencies_dependency ON dependencies (dependency, package, version);
-- Versions indexed before this table existed are read once at the next start (in Rust, which
-- parses references by the chain's rule); the row is removed when that is done.
CREATE TABLE pending_backfills (name TEXT PRIMARY KEY);
INSERT INTO pending_backfills (name) VALUES ('dependencies');
