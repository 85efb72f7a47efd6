-- The gateway's index (SQLite). One row per entry, namespace, package and version, each with the
-- block and extrinsic that last changed it; JSON columns hold the node RPC's own shapes.
CREATE TABLE cursor_state (
	id INTEGER PRIMARY KEY CHECK (id = 1),
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
	id INTEGER PRIMARY KEY,
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
	extrinsic_hash TEXT
);
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

-- Full-text search over the packages table (external content, kept in step by triggers).
CREATE VIRTUAL TABLE packages_fts USING fts5(
	words, description, keywords, author, content = 'packages', content_rowid = 'id',
	prefix = '2 3 4'
);
-- `rank` (which FTS5 can order by without materialising every match) weighs the name most.
INSERT INTO packages_fts (packages_fts, rank) VALUES ('rank', 'bm25(10.0, 2.0, 5.0, 2.0)');
CREATE TRIGGER packages_fts_insert AFTER INSERT ON packages BEGIN
	INSERT INTO packages_fts (rowid, words, description, keywords, author)
	VALUES (new.id, new.words, new.description, new.keywords, new.author);
END;
CREATE TRIGGER packages_fts_delete AFTER DELETE ON packages BEGIN
	INSERT INTO packages_fts (packages_fts, rowid, words, description, keywords, author)
	VALUES ('delete', old.id, old.words, old.description, old.keywords, old.author);
END;
CREATE TRIGGER packages_fts_update AFTER UPDATE ON packages BEGIN
	INSERT INTO packages_fts (packages_fts, rowid, words, description, keywords, author)
	VALUES ('delete', old.id, old.words, old.description, old.keywords, old.author);
	INSERT INTO packages_fts (rowid, words, description, keywords, author)
	VALUES (new.id, new.words, new.description, new.keywords, new.author);
END;
