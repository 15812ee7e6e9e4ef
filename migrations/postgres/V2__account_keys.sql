-- One row per key of an account: its kid and the SHA-256 of its RSA modulus (big-endian, no
-- leading zeros; NULL for a key that is not an RSA SPKI PEM), so that the account holding a
-- key being registered is found by an index, not by reading every account (issue 14). Kept
-- by the engine in the transaction that writes the account (src/store/postgres/tx.rs
-- `put_account`); deleted with it.
CREATE TABLE account_keys (
    namespace text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    kid       text NOT NULL,
    modulus   bytea,
    FOREIGN KEY (namespace, name) REFERENCES accounts (namespace, name) ON DELETE CASCADE
);
CREATE INDEX account_keys_account ON account_keys (namespace, name);
CREATE INDEX account_keys_kid ON account_keys (kid);
CREATE INDEX account_keys_modulus ON account_keys (modulus);

-- SQL does not read DER: the rows of the accounts already stored are written by
-- `svcacct store migrate` right after this migration (src/store/postgres/mod.rs `backfill`),
-- which then deletes this row. The engine refuses a database that still has it.
CREATE TABLE account_keys_backfill (
    one boolean PRIMARY KEY DEFAULT true CHECK (one)
);
INSERT INTO account_keys_backfill (one) SELECT true WHERE EXISTS (SELECT 1 FROM accounts);
