import GRDB

/// The tables of the corpus store. Line numbers are 1-based; `ordinal` is the position of a
/// heading in `Document.headings`. Text is stored as in the source; `shadow` is the analysis
/// shadow (simplified script, NFKC punctuation, same UTF-16 length), which is what search reads.
enum CorpusSchema {
    /// Stored in `PRAGMA user_version`; a database from a newer tiyao is refused, not damaged.
    static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,          -- as cited: relative to the working directory when under it
                    hash TEXT NOT NULL,                 -- SHA-256 of the file's bytes
                    analysis TEXT NOT NULL,             -- fingerprint of the rules and lexicon it was read with
                    size INTEGER NOT NULL,
                    title TEXT,
                    script TEXT NOT NULL,               -- simplified | traditional
                    encoding TEXT NOT NULL,
                    date TEXT,                          -- yyyy-mm-dd, when the text states one
                    line_count INTEGER NOT NULL,
                    character_count INTEGER NOT NULL,
                    sentence_count INTEGER NOT NULL,
                    heading_count INTEGER NOT NULL,
                    terms TEXT NOT NULL                 -- its distinct terms, one a line (to undo its document frequencies)
                );
                CREATE TABLE headings (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    level INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    end_line INTEGER NOT NULL,
                    shape TEXT NOT NULL,
                    parent INTEGER,
                    PRIMARY KEY (document_id, ordinal)
                ) WITHOUT ROWID;
                CREATE TABLE sentences (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL,
                    role TEXT NOT NULL,                 -- the role of its line (Line.Role)
                    heading INTEGER,                    -- ordinal of the heading this sentence is
                    section INTEGER,                    -- ordinal of the innermost heading above it
                    text TEXT NOT NULL,
                    shadow TEXT NOT NULL
                );
                CREATE INDEX sentences_document ON sentences(document_id);
                -- Document frequency of each term (TermExtractor), for IDF.
                CREATE TABLE terms (
                    term TEXT PRIMARY KEY,
                    df INTEGER NOT NULL
                ) WITHOUT ROWID;
                -- Findings of the annotators (CorpusAnnotator): themes, pattern matches, ….
                CREATE TABLE annotations (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,                 -- "theme", "pattern", …
                    name TEXT NOT NULL,                 -- which theme or pattern
                    line INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    data TEXT                           -- JSON, the annotator's own details
                );
                CREATE INDEX annotations_kind ON annotations(kind, name);
                CREATE INDEX annotations_document ON annotations(document_id);
                -- The analysis shadow of every BMP code unit that it changes (traditional →
                -- simplified, NFKC punctuation), saved at the first indexing run, so that a
                -- query is normalized exactly as the text was without loading ICU's transliterator.
                CREATE TABLE shadow_map (
                    unit INTEGER PRIMARY KEY,
                    shadow INTEGER NOT NULL
                );
                -- Full text: trigrams of the sentences' shadow, kept in step by triggers. Chosen
                -- over an FTS5 index of ICU word tokens: on the seeds, 150 random 3-6 character
                -- substrings were all found by trigrams but only 37% of their hits by tokens (92%
                -- for 150 whole words), since ICU cuts a phrase differently in and out of context;
                -- indexing 2,000 synthetic documents took 43 s vs 33 s, 86 MB vs 95 MB.
                CREATE VIRTUAL TABLE sentence_fts USING fts5(shadow, content='sentences', content_rowid='id', tokenize='trigram');
                CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
                    INSERT INTO sentence_fts(rowid, shadow) VALUES (new.id, new.shadow);
                END;
                CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
                    INSERT INTO sentence_fts(sentence_fts, rowid, shadow) VALUES ('delete', old.id, old.shadow);
                END;
                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }
}
