//! Tokens: the claims svcacct writes and reads ([`claims`]), minting self-signed tokens
//! ([`mint`]), one verification pipeline for self-signed and issued tokens ([`verify`]), and
//! the key sets gateways verify them with ([`jwks`]), and the tokens `svcacct token --reuse`
//! keeps ([`reuse`]). Issued tokens' records, their issuer and
//! the workflows that write them are in [`crate::issued`].

pub mod claims;
pub mod jwks;
pub mod mint;
pub mod reuse;
pub mod verify;

pub use claims::{LEEWAY, Parsed, REGISTERED_CLAIMS, algorithm_name, parse, rsa_algorithm};
pub use jwks::{KeySet, account_jwks, issuer_jwks, store_jwks};
pub use mint::{MintRequest, Minted, mint};
pub use verify::{
    IssuedBy, Verified, VerifyOptions, identity_of, self_signed_account, verify, verify_parsed,
};

#[cfg(test)]
mod tests;
