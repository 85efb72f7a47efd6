-- The gateway's index (PostgreSQL). One row per entry, namespace, package and version, each with the
-- block and extrinsic that last changed it; JSON columns hold the node RPC's own shapes.
CREATE TABLE cursor_state (
	id BIGINT PRIMARY KEY CHECK (id = 1),
	genesis TEXT NOT NULL,
	height BIGINT NOT NULL,
	hash TEXT NOT NULL
);
CREATE TABLE block_times (number BIGINT PRIMARY KEY, hash TEXT NOT NULL, ms BIGINT NOT NULL);
CREATE TABLE entries (
	key TEXT PRIMARY KEY,
	key_text TEXT,
	info TEXT NOT NULL,
	value TEXT NOT NULL,
	cid TEXT,
	block BIGINT NOT NULL,
	extrinsic BIGINT,
	extrinsic_hash TEXT
);
CREATE TABLE namespaces (
	namespace TEXT PRIMARY KEY,
	json TEXT NOT NULL,
	verified BIGINT NOT NULL,
	block BIGINT NOT NULL,
	extrinsic BIGINT,
	extrinsic_hash TEXT
);
CREATE TABLE packages (
	id BIGSERIAL PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	namespace TEXT NOT NULL,
	json TEXT NOT NULL,
	module_type TEXT NOT NULL,
	status TEXT NOT NULL,
	deprecated BIGINT NOT NULL,
	deprecated_at BIGINT,
	latest TEXT,
	latest_pin TEXT NOT NULL,
	words TEXT NOT NULL,
	description TEXT NOT NULL,
	keywords TEXT NOT NULL,
	author TEXT NOT NULL,
	tier TEXT,
	created BIGINT NOT NULL,
	block BIGINT NOT NULL,
	extrinsic BIGINT,
	extrinsic_hash TEXT,
	search tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('simple', words), 'A') ||
		setweight(to_tsvector('simple', keywords), 'B') ||
		setweight(to_tsvector('simple', description), 'C') ||
		setweight(to_tsvector('simple', author), 'C')
	) STORED
);
CREATE INDEX packages_search ON packages USING GIN (search);
CREATE INDEX packages_namespace ON packages (namespace);
CREATE TABLE keywords (package TEXT NOT NULL, keyword TEXT NOT NULL, PRIMARY KEY (package, keyword));
CREATE INDEX keywords_keyword ON keywords (keyword);
CREATE TABLE versions (
	package TEXT NOT NULL,
	version TEXT NOT NULL,
	yanked BIGINT NOT NULL,
	entry_key TEXT NOT NULL,
	cid TEXT NOT NULL,
	json TEXT NOT NULL,
	metadata TEXT NOT NULL,
	published BIGINT NOT NULL,
	publish_extrinsic BIGINT,
	publish_extrinsic_hash TEXT,
	block BIGINT NOT NULL,
	PRIMARY KEY (package, version)
);
CREATE INDEX versions_entry_key ON versions (entry_key);
CREATE INDEX versions_cid ON versions (cid);
CREATE INDEX entries_cid ON entries (cid);

