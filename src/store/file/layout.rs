//! The file store's layout: folder and file names under the store's root (the top of
//! `file/mod.rs` draws the tree).

pub(super) const LOCK_FILE: &str = ".lock";
/// The registry's generation (see `file/generation.rs`).
pub(super) const GENERATION_FILE: &str = ".generation";
/// Where writers make their temporary files (see `Locked`).
pub(super) const TMP_DIR: &str = ".tmp";
/// The temporary files of earlier versions, beside the record: skipped by listings.
pub(super) const LEGACY_TMP_PREFIX: &str = ".tmp-";
pub(super) const ACCOUNTS_DIR: &str = "accounts";
pub(super) const POLICIES_DIR: &str = "policies";
pub(super) const GLOBAL_DIR: &str = "_global";
pub(super) const ISSUER_DIR: &str = "issuer";
pub(super) const ISSUER_FILE: &str = "issuer.toml";
pub(super) const TOKENS_DIR: &str = "tokens";
pub(super) const NAMESPACES_DIR: &str = "namespaces";
pub(super) const RECORD_EXT: &str = ".toml";

/// The stem of a record's file name (`ci-bot` of `ci-bot.toml`), if it has the extension.
pub(super) fn record_stem(file_name: &str) -> Option<&str> {
    file_name.strip_suffix(RECORD_EXT)
}
