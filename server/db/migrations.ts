/**
 * Versioned schema migrations, applied in order and recorded, each in a transaction.
 * Append new ones at the end; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Copies a table to change it: run with foreign keys off, then checked (SQLite's recipe for schema changes). */
  rebuildsTables?: true;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'regions, operators, tokens, revisions, versions, audit',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE regions (
        code TEXT PRIMARY KEY CHECK (length(code) = 12),
        level TEXT NOT NULL CHECK (level IN ('district', 'street', 'village')),
        name TEXT NOT NULL,
        parent TEXT REFERENCES regions(code),
        account_name TEXT
      );
      CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'committee', 'street', 'admin')),
        region TEXT NOT NULL REFERENCES regions(code),
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );
      CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        hash TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      -- One row per proposed change to one item of one sub-channel of one region.
      -- Ledger months are items of sub-channel 15 whose id is the month.
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        region TEXT NOT NULL REFERENCES regions(code),
        channel INTEGER NOT NULL CHECK (channel BETWEEN 1 AND 20),
        item_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('put', 'withdraw')),
        body TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'rejected', 'published', 'discarded')),
        created_by INTEGER REFERENCES operators(id),
        created_at TEXT NOT NULL,
        reviewed_by INTEGER REFERENCES operators(id),
        reviewed_at TEXT,
        reason TEXT,
        published_at TEXT
      );
      CREATE INDEX revisions_by_item ON revisions(region, channel, item_id);
      CREATE INDEX revisions_by_status ON revisions(status);
      CREATE TABLE channel_meta (
        region TEXT NOT NULL REFERENCES regions(code),
        channel INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        next_due_at TEXT,
        PRIMARY KEY (region, channel)
      );
      CREATE TABLE versions (
        version INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('seed', 'publish', 'rollback')),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES operators(id),
        rolled_back_to INTEGER,
        status TEXT NOT NULL CHECK (status IN ('pending', 'complete')),
        manifest_sha256 TEXT
      );
      -- The complete content of each version: which revision of every item it shows.
      CREATE TABLE version_items (
        version INTEGER NOT NULL REFERENCES versions(version),
        region TEXT NOT NULL,
        channel INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        revision_id INTEGER NOT NULL REFERENCES revisions(id),
        PRIMARY KEY (version, region, channel, item_id)
      );
      CREATE TABLE scheduled_publishes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        created_by INTEGER REFERENCES operators(id),
        done_version INTEGER
      );
      CREATE TABLE media (
        sha256 TEXT PRIMARY KEY,
        src TEXT NOT NULL,
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        uploaded_by INTEGER REFERENCES operators(id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator_id INTEGER,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT,
        after TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'speech clips made at publish time',
    sql: `
      CREATE TABLE speech_clips (
        text_sha256 TEXT PRIMARY KEY,
        src TEXT NOT NULL,
        duration_sec REAL NOT NULL,
        voice TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'versions may be re-signings (a fresh expiry, same content)',
    // SQLite cannot change a CHECK in place: the table is copied under foreign keys off (dropping
    // the old table would otherwise count every version_items row as a violation), and the
    // references are checked once the copy is back under its name.
    rebuildsTables: true,
    sql: `
      CREATE TABLE versions_new (
        version INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('seed', 'publish', 'rollback', 'resign')),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES operators(id),
        rolled_back_to INTEGER,
        status TEXT NOT NULL CHECK (status IN ('pending', 'complete')),
        manifest_sha256 TEXT
      );
      INSERT INTO versions_new SELECT version, kind, created_at, created_by, rolled_back_to, status, manifest_sha256 FROM versions;
      DROP TABLE versions;
      ALTER TABLE versions_new RENAME TO versions;
    `,
  },
  {
    version: 4,
    name: 'boot failures reported by boxes',
    sql: `
      CREATE TABLE boot_failures (
        id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        address TEXT NOT NULL,
        user_agent TEXT NOT NULL,
        bundle TEXT NOT NULL,
        error TEXT NOT NULL,
        page TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'households, boxes, their bindings, pairing codes and one-time request ids',
    sql: `
      -- A household of a village's roll; its private pages (21-25) are kept here, never in items.
      CREATE TABLE households (
        id TEXT PRIMARY KEY,
        village TEXT NOT NULL REFERENCES regions(code),
        head TEXT NOT NULL
      );
      CREATE INDEX households_by_village ON households(village);
      CREATE TABLE household_pages (
        household TEXT NOT NULL REFERENCES households(id),
        channel INTEGER NOT NULL CHECK (channel BETWEEN 21 AND 25),
        body TEXT NOT NULL,
        PRIMARY KEY (household, channel)
      );
      -- A box's public keys: Ed25519 signs its requests, X25519 receives its sealed files.
      CREATE TABLE boxes (
        id TEXT PRIMARY KEY,
        sign_key TEXT NOT NULL UNIQUE,
        seal_key TEXT NOT NULL,
        device_id TEXT,
        registered_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by INTEGER REFERENCES operators(id)
      );
      CREATE TABLE pairing_codes (
        code TEXT PRIMARY KEY CHECK (length(code) = 6),
        box_id TEXT NOT NULL UNIQUE REFERENCES boxes(id),
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE bindings (
        id INTEGER PRIMARY KEY,
        box_id TEXT NOT NULL REFERENCES boxes(id),
        household TEXT NOT NULL REFERENCES households(id),
        bound_at TEXT NOT NULL,
        bound_by INTEGER NOT NULL REFERENCES operators(id),
        ended_at TEXT,
        ended_by INTEGER REFERENCES operators(id),
        -- Until when the box's sealed pages may be shown (epoch ms); sealed again well before.
        sealed_until INTEGER
      );
      CREATE UNIQUE INDEX bindings_one_per_box ON bindings(box_id) WHERE ended_at IS NULL;
      -- One-time ids of accepted box requests, kept while their time is within the window.
      CREATE TABLE box_nonces (
        box_id TEXT NOT NULL,
        nonce TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (box_id, nonce)
      );
      CREATE INDEX box_nonces_by_time ON box_nonces(at);
    `,
  },
  {
    version: 6,
    name: "operators' console: sign-in names, password hashes and sessions",
    sql: `
      CREATE TABLE operator_logins (
        operator_id INTEGER PRIMARY KEY REFERENCES operators(id),
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        set_at TEXT NOT NULL
      );
      -- Only the SHA-256 of a session's cookie is stored, as with tokens.
      CREATE TABLE console_sessions (
        id_hash TEXT PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_ms INTEGER NOT NULL
      );
      CREATE INDEX console_sessions_by_operator ON console_sessions(operator_id);
    `,
  },
  {
    version: 7,
    name: "each village's ledger column mapping and defaults, saved from the console",
    sql: `
      CREATE TABLE ledger_columns (
        region TEXT PRIMARY KEY REFERENCES regions(code),
        settings TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES operators(id),
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: "villagers' questions from their boxes: the item asked about, reason, status, answer",
    sql: `
      -- Statuses after Open311: received, accepted (responsible, expected date), answered or corrected.
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        box_id TEXT NOT NULL REFERENCES boxes(id),
        household TEXT NOT NULL REFERENCES households(id),
        village TEXT NOT NULL REFERENCES regions(code),
        -- The box's idempotency key: a resend of the same question is stored once.
        idem_key TEXT NOT NULL,
        region TEXT NOT NULL,
        channel INTEGER NOT NULL,
        item TEXT NOT NULL,
        voucher TEXT,
        row_index INTEGER,
        item_version INTEGER NOT NULL,
        about TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('amount', 'unclear', 'mismatch', 'other')),
        call_back INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('received', 'accepted', 'answered', 'corrected')),
        status_notes TEXT,
        responsible TEXT,
        expected_at TEXT,
        answer TEXT,
        answered_at TEXT,
        answered_by INTEGER REFERENCES operators(id),
        corrected_item TEXT,
        public_item TEXT,
        asked_ms INTEGER NOT NULL,
        UNIQUE (box_id, idem_key)
      );
      CREATE INDEX questions_by_village ON questions(village, status);
      CREATE INDEX questions_by_box_time ON questions(box_id, asked_ms);
      CREATE INDEX questions_by_household_time ON questions(household, asked_ms);
    `,
  },
  {
    version: 9,
    name: "households' help requests (一键求助) and polls (民意调查) with one vote per household",
    sql: `
      CREATE TABLE help_requests (
        id INTEGER PRIMARY KEY,
        household TEXT NOT NULL REFERENCES households(id),
        village TEXT NOT NULL REFERENCES regions(code),
        box_id TEXT NOT NULL REFERENCES boxes(id),
        kind TEXT NOT NULL CHECK (kind IN ('medical', 'elderly', 'safety', 'other')),
        -- The box's own key for the request: sent again (a retry), it is the same request.
        idempotency_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sent', 'acknowledged', 'in_progress', 'done')),
        created_ms INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        acknowledged_at TEXT,
        acknowledged_by INTEGER REFERENCES operators(id),
        updated_at TEXT,
        updated_by INTEGER REFERENCES operators(id),
        note TEXT,
        UNIQUE (box_id, idempotency_key)
      );
      CREATE INDEX help_requests_by_village ON help_requests(village, created_ms);
      CREATE INDEX help_requests_by_household ON help_requests(household, created_ms);
      -- A village's poll: its options as a JSON array of texts, open from opens_ms until closes_ms.
      CREATE TABLE polls (
        id INTEGER PRIMARY KEY,
        village TEXT NOT NULL REFERENCES regions(code),
        question TEXT NOT NULL,
        options TEXT NOT NULL,
        opens_ms INTEGER NOT NULL,
        closes_ms INTEGER NOT NULL CHECK (closes_ms > opens_ms),
        created_by INTEGER NOT NULL REFERENCES operators(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX polls_by_village ON polls(village, closes_ms);
      -- One vote per household and poll: a change replaces it.
      CREATE TABLE poll_votes (
        poll_id INTEGER NOT NULL REFERENCES polls(id),
        household TEXT NOT NULL REFERENCES households(id),
        choice INTEGER NOT NULL CHECK (choice >= 0),
        box_id TEXT NOT NULL REFERENCES boxes(id),
        voted_at TEXT NOT NULL,
        PRIMARY KEY (poll_id, household)
      );
    `,
  },
  {
    version: 10,
    name: "households' ratings (满意度, 1-5) of the answers to their questions",
    sql: `
      -- One rating per answered question, given by its household; a change replaces it.
      CREATE TABLE question_ratings (
        question_id INTEGER PRIMARY KEY REFERENCES questions(id),
        household TEXT NOT NULL REFERENCES households(id),
        village TEXT NOT NULL REFERENCES regions(code),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        box_id TEXT NOT NULL REFERENCES boxes(id),
        -- The month it was given (or last changed), China time: the published numbers are per month.
        month TEXT NOT NULL,
        rated_at TEXT NOT NULL
      );
      CREATE INDEX question_ratings_by_village ON question_ratings(village, month);
    `,
  },
  {
    version: 11,
    name: 'outbound notices sent (SMS/WeChat gateway): each subject once',
    sql: `
      -- What the outbound notifier was handed, so an item waiting more than a day is told once.
      CREATE TABLE outbound_notices (
        subject TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('help', 'waiting')),
        sent_at TEXT NOT NULL,
        PRIMARY KEY (subject, kind)
      );
    `,
  },
  {
    version: 12,
    name: '建言献策: the topics each village keeps, and the suggestions its households send from the TV',
    sql: `
      CREATE TABLE suggestion_topics (
        village TEXT PRIMARY KEY REFERENCES regions(code),
        topics TEXT NOT NULL
      );
      CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY,
        household TEXT NOT NULL REFERENCES households(id),
        village TEXT NOT NULL REFERENCES regions(code),
        box_id TEXT NOT NULL REFERENCES boxes(id),
        topic TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (box_id, idempotency_key)
      );
      CREATE INDEX suggestions_by_village ON suggestions(village, created_ms);
    `,
  },
  {
    version: 13,
    name: "bound boxes by when their sealed pages run out: the scheduler's check reads the few due, not every binding",
    sql: `
      CREATE INDEX bindings_by_sealed_until ON bindings(sealed_until) WHERE ended_at IS NULL;
    `,
  },
];
