-- The registry of svcacct on PostgreSQL: one table per record kind. Each record is kept
-- whole as JSON (the fields of src/model.rs, as the file store's TOML has them) beside the
-- columns that find, order and link it. Text keys use the "C" collation, so that listings
-- come in the byte order the other engines list in. See docs/ARCHITECTURE.md, "The
-- PostgreSQL engine".

CREATE TABLE accounts (
    namespace text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    uid       text NOT NULL UNIQUE,
    revision  bigint NOT NULL,
    record    jsonb NOT NULL,
    PRIMARY KEY (namespace, name),
    -- What an issued token's foreign key names: the account's uid at its reference.
    UNIQUE (uid, namespace, name)
);

-- `scope` is '' for a global policy (no namespace is empty), so globals list first.
CREATE TABLE policies (
    scope     text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    uid       text NOT NULL,
    revision  bigint NOT NULL,
    record    jsonb NOT NULL,
    PRIMARY KEY (scope, name)
);

CREATE TABLE namespaces (
    name      text COLLATE "C" PRIMARY KEY,
    uid       text NOT NULL,
    revision  bigint NOT NULL,
    record    jsonb NOT NULL
);

-- One row per issued token, under its account's reference and bound to its uid: deleting
-- the account (or renaming it: delete, then insert) deletes its tokens. The check waits for
-- the commit, so a transaction may write the token before the account.
CREATE TABLE issued_tokens (
    namespace   text COLLATE "C" NOT NULL,
    account     text COLLATE "C" NOT NULL,
    account_uid text NOT NULL,
    position    integer NOT NULL,
    name        text COLLATE "C" NOT NULL,
    id          text NOT NULL,
    kid         text NOT NULL,
    record      jsonb NOT NULL,
    PRIMARY KEY (namespace, account, name),
    FOREIGN KEY (account_uid, namespace, account)
        REFERENCES accounts (uid, namespace, name)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
-- Which tokens still need an issuer key (prune, rotate --revoke-previous).
CREATE INDEX issued_tokens_kid ON issued_tokens (kid);
-- A token by its `jti`.
CREATE INDEX issued_tokens_id ON issued_tokens (id);

-- The issuer: at most one row.
CREATE TABLE issuer (
    one    boolean PRIMARY KEY DEFAULT true CHECK (one),
    record jsonb NOT NULL
);

-- The private halves of the issuer's keys, sealed with AES-256-GCM under the key-encryption
-- key every replica is given (src/store/postgres/kek.rs): never in clear.
CREATE TABLE issuer_keys (
    kid    text PRIMARY KEY,
    sealed bytea NOT NULL
);

-- A value sealed with the key-encryption key when the first issuer key was stored: a replica
-- given another key is refused before it reads or writes any.
CREATE TABLE issuer_kek_check (
    one    boolean PRIMARY KEY DEFAULT true CHECK (one),
    sealed bytea NOT NULL
);

-- The registry's generation: bumped by every transaction that writes, inside it.
CREATE TABLE generation (
    one   boolean PRIMARY KEY DEFAULT true CHECK (one),
    value bigint NOT NULL
);
INSERT INTO generation (one, value) VALUES (true, 0);
