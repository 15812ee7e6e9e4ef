//! RSA keys: generation, reading PEM and DER by content, passphrase encryption, fingerprints
//! and JWKs. RSA of 2048 bits or more, on aws-lc-rs.
//!
//! Every reader looks at the bytes, never at a file name. Errors name where the bytes came from
//! (a path, `stdin`, an environment variable) and say what to do; they never quote key material
//! or passphrases. Secret bytes live in [`Zeroizing`] buffers and are wiped on drop.

use std::fmt;

use aws_lc_rs::constant_time::verify_slices_are_equal;
use aws_lc_rs::digest::{SHA256, digest};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rsa::{self, KeySize};
use aws_lc_rs::signature::KeyPair as _;
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use pkcs8::der::asn1::AnyRef;
use pkcs8::der::{Decode, ErrorKind, Tag, Tagged};
use pkcs8::pkcs5::{self, EncryptionScheme, pbes2};
use pkcs8::spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};
use pkcs8::{EncryptedPrivateKeyInfo, ObjectIdentifier, PrivateKeyInfo};
use zeroize::Zeroizing;

/// SHA-256 of an RSA public key's modulus (big-endian, no leading zeros): what tells that
/// two keys are one key pair whatever their exponents (one key pair belongs to one account,
/// `crate::store::key_holder`).
pub type ModulusDigest = [u8; 32];

/// The `ModulusDigest` of an SPKI PEM (`-----BEGIN PUBLIC KEY-----`, as the registry keeps its
/// keys), or `None` when it is not one of an RSA key. A DER read only, with no aws-lc key
/// built: an engine that scans the registry for a key's holder computes it for every stored
/// key.
pub fn modulus_digest(spki_pem: &str) -> Option<ModulusDigest> {
    let (label, der) = pkcs8::der::pem::decode_vec(spki_pem.trim().as_bytes()).ok()?;
    if label != "PUBLIC KEY" {
        return None;
    }
    let spki = SubjectPublicKeyInfoRef::from_der(&der).ok()?;
    if spki.algorithm.oid != RSA_ENCRYPTION {
        return None;
    }
    let rsa = pkcs1::RsaPublicKey::from_der(spki.subject_public_key.as_bytes()?).ok()?;
    digest(&SHA256, rsa.modulus.as_bytes())
        .as_ref()
        .try_into()
        .ok()
}

/// Smallest RSA modulus accepted, in bits.
pub const MIN_BITS: usize = 2048;
/// Largest RSA modulus accepted, in bits. `keygen` makes only 2048, 3072 or 4096.
pub const MAX_BITS: usize = 8192;
/// PBKDF2-HMAC-SHA256 iterations for keys this tool encrypts (OWASP's 2023 figure).
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// Largest scrypt work (bytes of memory, 128·r·N·p) accepted when decrypting; openssl's default
/// is 16 MiB. Stops a hostile file from asking for terabytes.
const MAX_SCRYPT_MEMORY: u64 = 1 << 30;

/// Most PBKDF2 iterations an encrypted key may ask for (about 15 s of work).
const MAX_PBKDF2_ITERATIONS: u32 = 100_000_000;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

const WANT_PUBLIC: &str = "an RSA public key (`-----BEGIN PUBLIC KEY-----` or \
                           `-----BEGIN RSA PUBLIC KEY-----`, or the same in DER)";
const WANT_PRIVATE: &str = "an RSA private key (`-----BEGIN PRIVATE KEY-----`, \
                            `-----BEGIN ENCRYPTED PRIVATE KEY-----` or \
                            `-----BEGIN RSA PRIVATE KEY-----`, or the same in DER)";

/// A key that cannot be used, and what to do about it.
///
/// `origin` is where the bytes came from: a file path, `stdin` or an environment variable name.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{origin} is empty; expected {expected}")]
    Empty {
        origin: String,
        expected: &'static str,
    },
    #[error("{origin} is not a PEM or DER key; expected {expected}")]
    NotAKey {
        origin: String,
        expected: &'static str,
    },
    #[error(
        "{origin}: the `-----BEGIN {label}-----` block is damaged ({why}); copy the file again or make a new key"
    )]
    DamagedPem {
        origin: String,
        label: String,
        why: &'static str,
    },
    #[error(
        "{origin} looks like {what} but cannot be parsed (truncated or damaged?); copy the file again or make a new key"
    )]
    Malformed { origin: String, what: &'static str },
    #[error(
        "{origin} holds a `-----BEGIN {label}-----` block, which is not a key; expected {expected}"
    )]
    UnexpectedPem {
        origin: String,
        label: String,
        expected: &'static str,
    },
    #[error(
        "{origin} holds a PRIVATE key, but a public key is needed here: the registry must never hold a secret; pass the public half instead, made with `svcacct keygen --public-from {file}` or `openssl rsa -in {file} -pubout`",
        file = shell_arg(origin, "FILE")
    )]
    PrivateKeyGiven { origin: String },
    #[error(
        "{origin} holds {what}, but signing needs the private key; pass the private key file (the one `svcacct keygen` or `openssl genrsa` wrote)"
    )]
    PublicKeyGiven { origin: String, what: &'static str },
    #[error(
        "{origin} holds a key of type {algorithm}, but svcacct supports only RSA keys; make one with `svcacct keygen` or `openssl genrsa 3072`"
    )]
    NotRsa { origin: String, algorithm: String },
    #[error(
        "{origin} is an OpenSSH public key; convert it to PEM with `ssh-keygen -e -m PKCS8 -f {file}` and pass that",
        file = shell_arg(origin, "key.pub")
    )]
    OpenSshPublicKey { origin: String },
    #[error(
        "{origin} is an OpenSSH private key, which svcacct does not read; convert it to PKCS#8 with `ssh-keygen -p -m PKCS8 -f {file}` (this rewrites the file in place: keep a copy)",
        file = shell_arg(origin, "FILE")
    )]
    OpenSshPrivateKey { origin: String },
    #[error(
        "{origin} is an X.509 certificate, not a key; extract its public key with `openssl x509 -in {file} -pubkey -noout`",
        file = shell_arg(origin, "FILE")
    )]
    Certificate { origin: String },
    #[error(
        "{origin} uses OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`), which svcacct does not read; convert it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in {file} -out NEW`",
        file = shell_arg(origin, "OLD")
    )]
    LegacyEncryptedPem { origin: String },
    #[error(
        "{origin} is encrypted with {scheme}, which svcacct does not read; re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in {file} -out NEW`",
        file = shell_arg(origin, "OLD")
    )]
    UnsupportedEncryption { origin: String, scheme: String },
    #[error(
        "{origin} is encrypted and no passphrase was given; type it at the prompt, or use `--passphrase-file FILE` or `SVCACCT_PASSPHRASE`"
    )]
    PassphraseRequired { origin: String },
    #[error("wrong passphrase for {origin} (or the file is damaged)")]
    WrongPassphrase { origin: String },
    #[error(
        "{origin} holds a {bits}-bit RSA key; svcacct needs at least {MIN_BITS} bits: make a new key with `svcacct keygen` or `openssl genrsa 3072`"
    )]
    TooSmall { origin: String, bits: usize },
    #[error(
        "{origin} holds a {bits}-bit RSA key; svcacct accepts at most {MAX_BITS} bits: make a new key with `svcacct keygen`"
    )]
    TooLarge { origin: String, bits: usize },
    #[error(
        "{origin} holds an RSA key whose numbers do not form a valid key; make a new key with `svcacct keygen`"
    )]
    InvalidKey { origin: String },
    #[error("cannot generate a {bits}-bit RSA key; choose 2048, 3072 or 4096 bits")]
    UnsupportedSize { bits: usize },
    #[error(
        "an empty passphrase would not protect the key; choose a passphrase, or write the key unencrypted"
    )]
    EmptyPassphrase,
    #[error("internal cryptography error: {0}")]
    Crypto(&'static str),
}

/// `origin` when it can be pasted into a shell command as a file name, else `placeholder`
/// (for `stdin`, environment variables and paths that would need quoting).
fn shell_arg<'a>(origin: &'a str, placeholder: &'a str) -> &'a str {
    let plain = origin
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "._-/+,@%=~".contains(c));
    let env_var = origin
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if origin.is_empty() || !plain || env_var || origin == "stdin" || origin.starts_with('-') {
        placeholder
    } else {
        origin
    }
}

/// A passphrase for an encrypted private key. Wiped on drop, never printed.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Takes ownership of the text; the caller strips any trailing newline it read.
    pub fn new(text: String) -> Self {
        Passphrase(Zeroizing::new(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Compares in constant time (for "type it again" confirmations).
    pub fn ct_eq(&self, other: &Passphrase) -> bool {
        verify_slices_are_equal(self.0.as_bytes(), other.0.as_bytes()).is_ok()
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(REDACTED)")
    }
}

/// An RSA public key, validated by aws-lc and held in canonical form.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// Modulus, big-endian, no leading zeros.
    n: Vec<u8>,
    /// Public exponent, big-endian, no leading zeros.
    e: Vec<u8>,
    /// Canonical X.509 SubjectPublicKeyInfo DER (rsaEncryption).
    spki_der: Vec<u8>,
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKey")
            .field("bits", &self.bits())
            .field("kid", &self.kid())
            .finish()
    }
}

impl PublicKey {
    /// Reads an RSA public key by content: PEM `PUBLIC KEY` (SPKI) or `RSA PUBLIC KEY` (PKCS#1),
    /// or the DER of either. Private keys, certificates, OpenSSH keys and non-RSA keys are
    /// refused with advice. `origin` names the input in messages.
    pub fn parse(bytes: &[u8], origin: &str) -> Result<PublicKey, KeyError> {
        match open(bytes, origin, WANT_PUBLIC)? {
            Input::OpenSshPublic => Err(KeyError::OpenSshPublicKey {
                origin: origin.to_owned(),
            }),
            Input::Pem(pem) => match pem.label.as_str() {
                "PUBLIC KEY" => Self::from_spki(&pem.decode(origin)?, origin),
                "RSA PUBLIC KEY" => Self::from_pkcs1(&pem.decode(origin)?, origin),
                "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => {
                    Err(KeyError::Certificate {
                        origin: origin.to_owned(),
                    })
                }
                label if label.ends_with("PRIVATE KEY") => Err(KeyError::PrivateKeyGiven {
                    origin: origin.to_owned(),
                }),
                label => Err(non_key_label(label, origin, WANT_PUBLIC)),
            },
            Input::Der(der) => match der_kind(der) {
                Some(DerKind::Spki) => Self::from_spki(der, origin),
                Some(DerKind::Pkcs1Public) => Self::from_pkcs1(der, origin),
                Some(DerKind::Certificate) => Err(KeyError::Certificate {
                    origin: origin.to_owned(),
                }),
                Some(
                    DerKind::Pkcs8
                    | DerKind::EncryptedPkcs8
                    | DerKind::Pkcs1Private
                    | DerKind::Sec1Private,
                ) => Err(KeyError::PrivateKeyGiven {
                    origin: origin.to_owned(),
                }),
                None => Err(KeyError::NotAKey {
                    origin: origin.to_owned(),
                    expected: WANT_PUBLIC,
                }),
            },
        }
    }

    /// Builds a key from its modulus and exponent (big-endian; leading zeros are ignored), as
    /// found in a JWK. Checks the size and validates the key with aws-lc.
    pub fn from_components(n: &[u8], e: &[u8]) -> Result<PublicKey, KeyError> {
        Self::from_parts(n, e, "the RSA public key (n, e)")
    }

    /// Bit length of the modulus.
    pub fn bits(&self) -> usize {
        bit_len(&self.n)
    }

    /// Modulus, big-endian, no leading zeros.
    pub fn n(&self) -> &[u8] {
        &self.n
    }

    /// Public exponent, big-endian, no leading zeros.
    pub fn e(&self) -> &[u8] {
        &self.e
    }

    /// X.509 SubjectPublicKeyInfo DER.
    pub fn spki_der(&self) -> &[u8] {
        &self.spki_der
    }

    /// `-----BEGIN PUBLIC KEY-----` PEM, 64 columns, trailing newline: the bytes
    /// `openssl rsa -pubout` writes.
    pub fn to_pem(&self) -> String {
        pem_string("PUBLIC KEY", &self.spki_der)
    }

    /// Key id: the RFC 7638 JWK thumbprint (base64url SHA-256 of the canonical JWK).
    pub fn kid(&self) -> String {
        let canonical = format!(
            r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
            URL_SAFE_NO_PAD.encode(&self.e),
            URL_SAFE_NO_PAD.encode(&self.n)
        );
        URL_SAFE_NO_PAD.encode(digest(&SHA256, canonical.as_bytes()))
    }

    /// `SHA256:` and the padded base64 of the SHA-256 of the SPKI DER (the form Snowflake shows;
    /// `openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64`).
    pub fn fingerprint(&self) -> String {
        format!(
            "SHA256:{}",
            STANDARD.encode(digest(&SHA256, &self.spki_der))
        )
    }

    /// The key as a JWK: `kty`, `kid`, `use` = `sig`, `alg` when given, `n`, `e`.
    pub fn jwk(&self, alg: Option<&str>) -> serde_json::Value {
        let mut jwk = serde_json::Map::new();
        jwk.insert("kty".into(), "RSA".into());
        jwk.insert("kid".into(), self.kid().into());
        jwk.insert("use".into(), "sig".into());
        if let Some(alg) = alg {
            jwk.insert("alg".into(), alg.into());
        }
        jwk.insert("n".into(), URL_SAFE_NO_PAD.encode(&self.n).into());
        jwk.insert("e".into(), URL_SAFE_NO_PAD.encode(&self.e).into());
        serde_json::Value::Object(jwk)
    }

    fn from_spki(der: &[u8], origin: &str) -> Result<PublicKey, KeyError> {
        let malformed = || KeyError::Malformed {
            origin: origin.to_owned(),
            what: "a public key (SubjectPublicKeyInfo)",
        };
        let spki = SubjectPublicKeyInfoRef::from_der(der).map_err(|_| malformed())?;
        if spki.algorithm.oid != RSA_ENCRYPTION {
            return Err(KeyError::NotRsa {
                origin: origin.to_owned(),
                algorithm: algorithm_name(spki.algorithm.oid),
            });
        }
        let pkcs1 = spki.subject_public_key.as_bytes().ok_or_else(malformed)?;
        let key = pkcs1::RsaPublicKey::from_der(pkcs1).map_err(|_| malformed())?;
        Self::from_parts(
            key.modulus.as_bytes(),
            key.public_exponent.as_bytes(),
            origin,
        )
    }

    fn from_pkcs1(der: &[u8], origin: &str) -> Result<PublicKey, KeyError> {
        let key = pkcs1::RsaPublicKey::from_der(der).map_err(|_| KeyError::Malformed {
            origin: origin.to_owned(),
            what: "an RSA public key (PKCS#1)",
        })?;
        Self::from_parts(
            key.modulus.as_bytes(),
            key.public_exponent.as_bytes(),
            origin,
        )
    }

    fn from_parts(n: &[u8], e: &[u8], origin: &str) -> Result<PublicKey, KeyError> {
        let invalid = || KeyError::InvalidKey {
            origin: origin.to_owned(),
        };
        let n = strip_leading_zeros(n);
        let e = strip_leading_zeros(e);
        if n.is_empty() || e.is_empty() {
            return Err(invalid());
        }
        check_bits(bit_len(n), origin)?;
        let spki = rsa::PublicKeyComponents { n, e }
            .as_der()
            .map_err(|_| invalid())?;
        // Re-parsing runs aws-lc's RSA_check_key: odd modulus, odd e > 1 of at most 33 bits.
        rsa::PublicKey::from_der(spki.as_ref()).map_err(|_| invalid())?;
        Ok(PublicKey {
            n: n.to_vec(),
            e: e.to_vec(),
            spki_der: spki.as_ref().to_vec(),
        })
    }
}

/// An RSA private key with its public half. Secret bytes are wiped on drop; `Debug` shows only
/// the kid and size.
pub struct PrivateKey {
    /// PKCS#8 PrivateKeyInfo DER (version 1, rsaEncryption).
    pkcs8: Zeroizing<Vec<u8>>,
    /// PKCS#1 RSAPrivateKey DER (the inner key of `pkcs8`).
    pkcs1: Zeroizing<Vec<u8>>,
    public: PublicKey,
    /// The key as aws-lc parsed and checked it, kept to sign with: parsing again for every
    /// signature (RSA_check_key included) cost as much as a third of the signature.
    pair: rsa::KeyPair,
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("kid", &self.kid())
            .field("bits", &self.bits())
            .finish()
    }
}

impl PrivateKey {
    /// Generates a new key of 2048, 3072 or 4096 bits with aws-lc.
    pub fn generate(bits: usize) -> Result<PrivateKey, KeyError> {
        let size = match bits {
            2048 => KeySize::Rsa2048,
            3072 => KeySize::Rsa3072,
            4096 => KeySize::Rsa4096,
            _ => return Err(KeyError::UnsupportedSize { bits }),
        };
        let pair = rsa::KeyPair::generate(size)
            .map_err(|_| KeyError::Crypto("RSA key generation failed"))?;
        Self::from_key_pair(pair, "the generated key")
    }

    /// [`PrivateKey::generate`] as two searches on two threads (when the machine has two
    /// CPUs), keeping the key found first. Generation is a random search for primes (fresh
    /// random candidates each time, so which search ends first says nothing about its key)
    /// whose time varies several-fold from run to run: the first of two ends sooner and varies
    /// much less (4096 bits, 21 runs: mean 838 → 595 ms, standard deviation 680 → 244 ms,
    /// median 648 → 570 ms). The other search cannot be interrupted: it ends on its own and its
    /// key is dropped, or it ends with the process. For the commands, which exit soon after; it
    /// costs up to twice the CPU time.
    pub fn generate_first_of_two(bits: usize) -> Result<PrivateKey, KeyError> {
        let two_cpus = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
        if !two_cpus {
            return Self::generate(bits);
        }
        let (found, first) = std::sync::mpsc::channel();
        for _ in 0..2 {
            let found = found.clone();
            // A thread that cannot be started leaves the search to the other (or to this one).
            let _ = std::thread::Builder::new()
                .name("keygen".into())
                .spawn(move || {
                    let _ = found.send(Self::generate(bits));
                });
        }
        drop(found);
        first.recv().unwrap_or_else(|_| Self::generate(bits))
    }

    /// Whether `bytes` hold an encrypted PKCS#8 key (PEM `ENCRYPTED PRIVATE KEY`, or its DER),
    /// so the caller knows to fetch a passphrase before calling [`PrivateKey::parse`].
    pub fn is_encrypted_pem(bytes: &[u8]) -> bool {
        match open(bytes, "", WANT_PRIVATE) {
            Ok(Input::Pem(pem)) => pem.label == "ENCRYPTED PRIVATE KEY",
            Ok(Input::Der(der)) => der_kind(der) == Some(DerKind::EncryptedPkcs8),
            _ => false,
        }
    }

    /// Reads an RSA private key by content: PEM `PRIVATE KEY` (PKCS#8), `ENCRYPTED PRIVATE KEY`
    /// (PBES2 with PBKDF2 or scrypt and AES-CBC; needs `passphrase`), `RSA PRIVATE KEY`
    /// (PKCS#1), or the DER of any of them. Text before the first `-----BEGIN` line is skipped.
    pub fn parse(
        bytes: &[u8],
        origin: &str,
        passphrase: Option<&Passphrase>,
    ) -> Result<PrivateKey, KeyError> {
        let public_given = |what| KeyError::PublicKeyGiven {
            origin: origin.to_owned(),
            what,
        };
        let not_rsa = |algorithm: &str| KeyError::NotRsa {
            origin: origin.to_owned(),
            algorithm: algorithm.to_owned(),
        };
        match open(bytes, origin, WANT_PRIVATE)? {
            Input::OpenSshPublic => Err(public_given("an OpenSSH public key")),
            Input::Pem(pem) => match pem.label.as_str() {
                "PRIVATE KEY" => Self::from_pkcs8(&pem.decode(origin)?, origin),
                "ENCRYPTED PRIVATE KEY" => {
                    Self::from_encrypted(&pem.decode(origin)?, origin, passphrase)
                }
                "RSA PRIVATE KEY" if pem.legacy_encrypted => Err(KeyError::LegacyEncryptedPem {
                    origin: origin.to_owned(),
                }),
                "RSA PRIVATE KEY" => Self::from_pkcs1(&pem.decode(origin)?, origin),
                "OPENSSH PRIVATE KEY" => Err(KeyError::OpenSshPrivateKey {
                    origin: origin.to_owned(),
                }),
                "PUBLIC KEY" | "RSA PUBLIC KEY" => Err(public_given("a public key")),
                "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => Err(public_given(
                    "an X.509 certificate (which holds only a public key)",
                )),
                label => Err(non_key_label(label, origin, WANT_PRIVATE)),
            },
            Input::Der(der) => match der_kind(der) {
                Some(DerKind::Pkcs8) => Self::from_pkcs8(der, origin),
                Some(DerKind::EncryptedPkcs8) => Self::from_encrypted(der, origin, passphrase),
                Some(DerKind::Pkcs1Private) => Self::from_pkcs1(der, origin),
                Some(DerKind::Sec1Private) => Err(not_rsa("EC")),
                Some(DerKind::Spki | DerKind::Pkcs1Public) => Err(public_given("a public key")),
                Some(DerKind::Certificate) => Err(public_given(
                    "an X.509 certificate (which holds only a public key)",
                )),
                None => Err(KeyError::NotAKey {
                    origin: origin.to_owned(),
                    expected: WANT_PRIVATE,
                }),
            },
        }
    }

    /// The public half of the unencrypted private key in `bytes` (PKCS#8 or PKCS#1, PEM or
    /// DER), read without building or checking the private key: what token reuse needs to
    /// know which key a kept token was signed with, at a fraction of [`PrivateKey::parse`]'s
    /// cost (aws-lc's `RSA_check_key` is most of it). `None` for an encrypted key (its public
    /// half is inside the encryption) or for anything [`PrivateKey::parse`] would refuse or
    /// might refuse: the caller parses the key in full then, and gets its error.
    pub fn public_key_unchecked(bytes: &[u8]) -> Option<PublicKey> {
        let der = unencrypted_der(bytes)?;
        let pkcs1 = match der.form {
            DerForm::Pkcs8 => {
                let info = PrivateKeyInfo::from_der(&der.bytes).ok()?;
                (info.algorithm.oid == RSA_ENCRYPTION).then_some(info.private_key)?
            }
            DerForm::Pkcs1 => &der.bytes[..],
        };
        let key = pkcs1::RsaPrivateKey::from_der(pkcs1).ok()?;
        PublicKey::from_parts(key.modulus.as_bytes(), key.public_exponent.as_bytes(), "").ok()
    }

    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    pub fn bits(&self) -> usize {
        self.public.bits()
    }

    pub fn kid(&self) -> String {
        self.public.kid()
    }

    /// PKCS#1 RSAPrivateKey DER, as `jsonwebtoken::EncodingKey::from_rsa_der` wants it.
    pub fn pkcs1_der(&self) -> &[u8] {
        &self.pkcs1
    }

    /// Unencrypted `-----BEGIN PRIVATE KEY-----` (PKCS#8) PEM.
    pub fn to_pkcs8_pem(&self) -> Zeroizing<String> {
        Zeroizing::new(pem_string("PRIVATE KEY", &self.pkcs8))
    }

    /// `-----BEGIN ENCRYPTED PRIVATE KEY-----` PEM: PBES2 with PBKDF2-HMAC-SHA256
    /// ([`PBKDF2_ITERATIONS`] rounds, random 16-byte salt) and AES-256-CBC (random IV), as
    /// `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes and `openssl pkey` reads.
    pub fn to_encrypted_pem(&self, passphrase: &Passphrase) -> Result<Zeroizing<String>, KeyError> {
        if passphrase.as_str().is_empty() {
            return Err(KeyError::EmptyPassphrase);
        }
        let mut salt = [0u8; 16];
        let mut iv = [0u8; 16];
        aws_lc_rs::rand::fill(&mut salt)
            .and_then(|()| aws_lc_rs::rand::fill(&mut iv))
            .map_err(|_| KeyError::Crypto("the random number generator failed"))?;
        let params = pbes2::Parameters::pbkdf2_sha256_aes256cbc(PBKDF2_ITERATIONS, &salt, &iv)
            .map_err(|_| KeyError::Crypto("bad PBES2 parameters"))?;
        let info = PrivateKeyInfo::from_der(&self.pkcs8)
            .map_err(|_| KeyError::Crypto("PKCS#8 re-encoding failed"))?;
        let encrypted = info
            .encrypt_with_params(params, passphrase.as_str().as_bytes())
            .map_err(|_| KeyError::Crypto("PKCS#8 encryption failed"))?;
        Ok(Zeroizing::new(pem_string(
            "ENCRYPTED PRIVATE KEY",
            encrypted.as_bytes(),
        )))
    }

    fn from_pkcs8(der: &[u8], origin: &str) -> Result<PrivateKey, KeyError> {
        let info = PrivateKeyInfo::from_der(der).map_err(|_| KeyError::Malformed {
            origin: origin.to_owned(),
            what: "a private key (PKCS#8)",
        })?;
        if info.algorithm.oid != RSA_ENCRYPTION {
            return Err(KeyError::NotRsa {
                origin: origin.to_owned(),
                algorithm: algorithm_name(info.algorithm.oid),
            });
        }
        Self::from_pkcs1(info.private_key, origin)
    }

    fn from_pkcs1(der: &[u8], origin: &str) -> Result<PrivateKey, KeyError> {
        let key = pkcs1::RsaPrivateKey::from_der(der).map_err(|_| KeyError::Malformed {
            origin: origin.to_owned(),
            what: "an RSA private key (PKCS#1)",
        })?;
        // Before aws-lc, whose refusal of a small key does not say how small.
        check_bits(bit_len(strip_leading_zeros(key.modulus.as_bytes())), origin)?;
        // RSA_check_key: n = p·q, d·e ≡ 1, CRT values consistent.
        let pair = rsa::KeyPair::from_der(der).map_err(|_| KeyError::InvalidKey {
            origin: origin.to_owned(),
        })?;
        Self::from_key_pair(pair, origin)
    }

    fn from_key_pair(pair: rsa::KeyPair, origin: &str) -> Result<PrivateKey, KeyError> {
        let pkcs8 = pair
            .as_der()
            .map_err(|_| KeyError::Crypto("PKCS#8 encoding failed"))?;
        let pkcs8 = Zeroizing::new(pkcs8.as_ref().to_vec());
        let pkcs1 = PrivateKeyInfo::from_der(&pkcs8)
            .map(|info| Zeroizing::new(info.private_key.to_vec()))
            .map_err(|_| KeyError::Crypto("PKCS#8 encoding failed"))?;
        let public = PublicKey::from_pkcs1(pair.public_key().as_ref(), origin)?;
        Ok(PrivateKey {
            pkcs8,
            pkcs1,
            public,
            pair,
        })
    }

    /// The RSASSA-PKCS1-v1_5 signature of `message` with SHA-256, -384 or -512 (`bits` of
    /// the digest), as RS256/RS384/RS512 sign.
    pub fn sign_pkcs1(&self, digest_bits: u16, message: &[u8]) -> Result<Vec<u8>, KeyError> {
        let padding: &'static dyn aws_lc_rs::signature::RsaEncoding = match digest_bits {
            256 => &aws_lc_rs::signature::RSA_PKCS1_SHA256,
            384 => &aws_lc_rs::signature::RSA_PKCS1_SHA384,
            512 => &aws_lc_rs::signature::RSA_PKCS1_SHA512,
            _ => return Err(KeyError::Crypto("unsupported digest")),
        };
        let mut signature = vec![0; self.pair.public_modulus_len()];
        self.pair
            .sign(
                padding,
                &aws_lc_rs::rand::SystemRandom::new(),
                message,
                &mut signature,
            )
            .map_err(|_| KeyError::Crypto("RSA signing failed"))?;
        Ok(signature)
    }

    fn from_encrypted(
        der: &[u8],
        origin: &str,
        passphrase: Option<&Passphrase>,
    ) -> Result<PrivateKey, KeyError> {
        let unsupported = |scheme: String| KeyError::UnsupportedEncryption {
            origin: origin.to_owned(),
            scheme,
        };
        if let Some(oid) = unreadable_encryption(der) {
            return Err(unsupported(scheme_name(oid)));
        }
        let info = match EncryptedPrivateKeyInfo::from_der(der) {
            Ok(info) => info,
            Err(e) => {
                return Err(match e.kind() {
                    ErrorKind::OidUnknown { oid } => unsupported(scheme_name(oid)),
                    _ => KeyError::Malformed {
                        origin: origin.to_owned(),
                        what: "an encrypted private key (PKCS#8)",
                    },
                });
            }
        };
        let params = match &info.encryption_algorithm {
            EncryptionScheme::Pbes2(params) => params,
            other => return Err(unsupported(scheme_name(other.oid()))),
        };
        if let Some(pbkdf2) = params.kdf.pbkdf2() {
            if pbkdf2.prf == pbes2::Pbkdf2Prf::HmacWithSha1 {
                return Err(unsupported("PBKDF2 with HMAC-SHA1".into()));
            }
            // A damaged or hostile file must not keep the command busy for hours.
            if pbkdf2.iteration_count > MAX_PBKDF2_ITERATIONS {
                return Err(unsupported(format!(
                    "PBKDF2 with {} iterations (at most {MAX_PBKDF2_ITERATIONS})",
                    pbkdf2.iteration_count
                )));
            }
        }
        if let Some(scrypt) = params.kdf.scrypt() {
            let memory = 128u64
                .saturating_mul(u64::from(scrypt.block_size))
                .saturating_mul(scrypt.cost_parameter)
                .saturating_mul(u64::from(scrypt.parallelization.max(1)));
            if memory > MAX_SCRYPT_MEMORY {
                return Err(unsupported("scrypt parameters needing over 1 GiB".into()));
            }
        }
        let Some(passphrase) = passphrase else {
            return Err(KeyError::PassphraseRequired {
                origin: origin.to_owned(),
            });
        };
        let wrong = || KeyError::WrongPassphrase {
            origin: origin.to_owned(),
        };
        let plain = info
            .decrypt(passphrase.as_str().as_bytes())
            .map_err(|e| match e {
                pkcs8::Error::EncryptedPrivateKey(pkcs5::Error::UnsupportedAlgorithm { oid }) => {
                    unsupported(scheme_name(oid))
                }
                pkcs8::Error::EncryptedPrivateKey(pkcs5::Error::AlgorithmParametersInvalid {
                    oid,
                }) => unsupported(format!("invalid parameters for {}", scheme_name(oid))),
                _ => wrong(),
            })?;
        match Self::from_pkcs8(plain.as_bytes(), origin) {
            // A wrong passphrase that happens to leave valid padding yields garbage.
            Err(KeyError::Malformed { .. }) => Err(wrong()),
            other => other,
        }
    }
}

/// The DER of an unencrypted private key, and its form.
struct UnencryptedDer {
    bytes: Zeroizing<Vec<u8>>,
    form: DerForm,
}

enum DerForm {
    Pkcs8,
    Pkcs1,
}

/// The DER of the unencrypted RSA private key in `bytes` (PEM `PRIVATE KEY` or `RSA PRIVATE
/// KEY`, or the DER of either); `None` for anything else.
fn unencrypted_der(bytes: &[u8]) -> Option<UnencryptedDer> {
    let (bytes, form) = match open(bytes, "", WANT_PRIVATE).ok()? {
        Input::Pem(pem) => match pem.label.as_str() {
            "PRIVATE KEY" => (pem.decode("").ok()?, DerForm::Pkcs8),
            "RSA PRIVATE KEY" if !pem.legacy_encrypted => (pem.decode("").ok()?, DerForm::Pkcs1),
            _ => return None,
        },
        Input::Der(der) => match der_kind(der)? {
            DerKind::Pkcs8 => (Zeroizing::new(der.to_vec()), DerForm::Pkcs8),
            DerKind::Pkcs1Private => (Zeroizing::new(der.to_vec()), DerForm::Pkcs1),
            _ => return None,
        },
        Input::OpenSshPublic => return None,
    };
    Some(UnencryptedDer { bytes, form })
}

/// What signs a token: a [`PrivateKey`] (aws-lc; the one engine of the tree, see
/// BENCHMARKS.md "svcacct token against jwt-cli" for why *ring* was tried and left out).
pub trait Signer {
    fn public_key(&self) -> &PublicKey;

    /// The RSASSA-PKCS1-v1_5 signature of `message` with SHA-256, -384 or -512 (`digest_bits`).
    fn sign_pkcs1(&self, digest_bits: u16, message: &[u8]) -> Result<Vec<u8>, KeyError>;

    fn kid(&self) -> String {
        self.public_key().kid()
    }
}

impl Signer for PrivateKey {
    fn public_key(&self) -> &PublicKey {
        PrivateKey::public_key(self)
    }

    fn sign_pkcs1(&self, digest_bits: u16, message: &[u8]) -> Result<Vec<u8>, KeyError> {
        PrivateKey::sign_pkcs1(self, digest_bits, message)
    }
}

/// The OID of the first part of an encrypted PKCS#8 key's scheme that cannot be decrypted here:
/// anything but PBES2 with PBKDF2 or scrypt and AES-CBC. `None` when readable (or unparseable,
/// which the full parse reports).
fn unreadable_encryption(der: &[u8]) -> Option<ObjectIdentifier> {
    let fields = Vec::<AnyRef<'_>>::from_der(der).ok()?;
    let scheme = fields
        .first()?
        .decode_as::<AlgorithmIdentifierRef<'_>>()
        .ok()?;
    if scheme.oid != pbes2::PBES2_OID {
        return Some(scheme.oid);
    }
    let parts = scheme.parameters?.decode_as::<Vec<AnyRef<'_>>>().ok()?;
    let [kdf, cipher] = parts.as_slice() else {
        return None;
    };
    let kdf = kdf.decode_as::<AlgorithmIdentifierRef<'_>>().ok()?.oid;
    let cipher = cipher.decode_as::<AlgorithmIdentifierRef<'_>>().ok()?.oid;
    if kdf != pbes2::PBKDF2_OID && kdf != pbes2::SCRYPT_OID {
        Some(kdf)
    } else if ![
        pbes2::AES_128_CBC_OID,
        pbes2::AES_192_CBC_OID,
        pbes2::AES_256_CBC_OID,
    ]
    .contains(&cipher)
    {
        Some(cipher)
    } else {
        None
    }
}

fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// Bit length of a big-endian number without leading zero bytes.
fn bit_len(be: &[u8]) -> usize {
    match be.first() {
        Some(&top) => be.len() * 8 - top.leading_zeros() as usize,
        None => 0,
    }
}

fn check_bits(bits: usize, origin: &str) -> Result<(), KeyError> {
    if bits < MIN_BITS {
        Err(KeyError::TooSmall {
            origin: origin.to_owned(),
            bits,
        })
    } else if bits > MAX_BITS {
        Err(KeyError::TooLarge {
            origin: origin.to_owned(),
            bits,
        })
    } else {
        Ok(())
    }
}

/// The error for a PEM block whose label is not one a key reader handles.
fn non_key_label(label: &str, origin: &str, expected: &'static str) -> KeyError {
    let not_rsa = |algorithm: &str| KeyError::NotRsa {
        origin: origin.to_owned(),
        algorithm: algorithm.to_owned(),
    };
    match label {
        "EC PRIVATE KEY" | "EC PARAMETERS" => not_rsa("EC"),
        "DSA PRIVATE KEY" | "DSA PARAMETERS" => not_rsa("DSA"),
        _ => KeyError::UnexpectedPem {
            origin: origin.to_owned(),
            label: label.to_owned(),
            expected,
        },
    }
}

/// A readable name for a key algorithm OID.
fn algorithm_name(oid: ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.2.840.10045.2.1" => "EC".into(),
        "1.3.101.110" => "X25519".into(),
        "1.3.101.111" => "X448".into(),
        "1.3.101.112" => "Ed25519".into(),
        "1.3.101.113" => "Ed448".into(),
        "1.2.840.10040.4.1" => "DSA".into(),
        "1.2.840.113549.1.3.1" => "DH".into(),
        "1.2.840.113549.1.1.10" => "RSA-PSS (restricted to PSS signatures)".into(),
        other => format!("unknown (OID {other})"),
    }
}

/// A readable name for an encryption or KDF OID met in an encrypted PKCS#8 key.
fn scheme_name(oid: ObjectIdentifier) -> String {
    let name = match oid.to_string().as_str() {
        "1.2.840.113549.1.12.1.1" => "PKCS#12 PBE with SHA-1 and RC4-128",
        "1.2.840.113549.1.12.1.3" => "PKCS#12 PBE with SHA-1 and 3DES",
        "1.2.840.113549.1.12.1.6" => "PKCS#12 PBE with SHA-1 and RC2-40",
        "1.2.840.113549.1.5.3" => "PBES1 with MD5 and DES",
        "1.2.840.113549.1.5.10" => "PBES1 with SHA-1 and DES",
        "1.2.840.113549.3.7" => "3DES (DES-EDE3-CBC)",
        "1.3.14.3.2.7" => "DES-CBC",
        "1.2.840.113549.2.7" => "PBKDF2 with HMAC-SHA1",
        oid if oid.starts_with("1.2.840.113549.1.5.") => return format!("PBES1 (OID {oid})"),
        oid => return format!("an unknown algorithm (OID {oid})"),
    };
    name.to_owned()
}

/// What raw DER holds, judged by the shape of its outer SEQUENCE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DerKind {
    Spki,
    Pkcs1Public,
    Pkcs8,
    EncryptedPkcs8,
    Pkcs1Private,
    Sec1Private,
    Certificate,
}

fn der_kind(der: &[u8]) -> Option<DerKind> {
    // Borrowed views of the top-level fields; nothing secret is copied.
    let fields = Vec::<AnyRef<'_>>::from_der(der).ok()?;
    let tags: Vec<Tag> = fields.iter().map(|f| f.tag()).collect();
    use Tag::{BitString, Integer, OctetString, Sequence};
    match tags.as_slice() {
        [Sequence, BitString] => Some(DerKind::Spki),
        [Integer, Integer] => Some(DerKind::Pkcs1Public),
        [Sequence, OctetString] => Some(DerKind::EncryptedPkcs8),
        [Sequence, Sequence, BitString] => Some(DerKind::Certificate),
        [Integer, Sequence, OctetString, ..] => Some(DerKind::Pkcs8),
        [Integer, OctetString, ..] => Some(DerKind::Sec1Private),
        [
            Integer,
            Integer,
            Integer,
            Integer,
            Integer,
            Integer,
            Integer,
            Integer,
            Integer,
            ..,
        ] => Some(DerKind::Pkcs1Private),
        _ => None,
    }
}

/// Input after the first look.
enum Input<'a> {
    Pem(Pem),
    Der(&'a [u8]),
    OpenSshPublic,
}

/// One PEM block, its base64 not yet decoded (so a label can be judged first).
struct Pem {
    label: String,
    /// An RFC 1421 `Proc-Type: 4,ENCRYPTED` header: OpenSSL's legacy encryption.
    legacy_encrypted: bool,
    base64: Zeroizing<String>,
}

impl Pem {
    fn decode(&self, origin: &str) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        let damaged = |why| KeyError::DamagedPem {
            origin: origin.to_owned(),
            label: self.label.clone(),
            why,
        };
        if self.base64.is_empty() {
            return Err(damaged("it has no content"));
        }
        STANDARD
            .decode(self.base64.as_bytes())
            .map(Zeroizing::new)
            .map_err(|_| damaged("its base64 is invalid"))
    }
}

const OPENSSH_PUBLIC_PREFIXES: [&[u8]; 7] = [
    b"ssh-rsa ",
    b"ssh-dss ",
    b"ssh-ed25519 ",
    b"ssh-ed448 ",
    b"ecdsa-sha2-",
    b"sk-ssh-",
    b"sk-ecdsa-",
];

/// Takes a first look: a PEM block (text before the first `-----BEGIN` is skipped), an OpenSSH
/// public key line, or DER.
fn open<'a>(bytes: &'a [u8], origin: &str, expected: &'static str) -> Result<Input<'a>, KeyError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = text.trim_ascii_start();
    if text.is_empty() {
        return Err(KeyError::Empty {
            origin: origin.to_owned(),
            expected,
        });
    }
    if bytes[0] != 0x30
        && let Some(at) = find(text, b"-----BEGIN ")
    {
        return parse_pem(&text[at..], origin).map(Input::Pem);
    }
    if OPENSSH_PUBLIC_PREFIXES.iter().any(|p| text.starts_with(p)) {
        return Ok(Input::OpenSshPublic);
    }
    if bytes[0] == 0x30 {
        return Ok(Input::Der(bytes));
    }
    Err(KeyError::NotAKey {
        origin: origin.to_owned(),
        expected,
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Parses the PEM block `text` starts with. Lenient where real files vary (CRLF, trailing
/// spaces, line width, RFC 1421 headers), strict about the label and the END line.
fn parse_pem(text: &[u8], origin: &str) -> Result<Pem, KeyError> {
    let mut lines = text.split(|&b| b == b'\n').map(|line| line.trim_ascii());
    let begin = lines.next().unwrap_or_default();
    let label = begin
        .strip_prefix(b"-----BEGIN ")
        .and_then(|rest| rest.strip_suffix(b"-----"))
        .filter(|l| !l.is_empty() && l.len() <= 64)
        .filter(|l| l.iter().all(|&c| c.is_ascii_graphic() || c == b' '))
        .and_then(|l| std::str::from_utf8(l).ok());
    let Some(label) = label else {
        return Err(KeyError::DamagedPem {
            origin: origin.to_owned(),
            label: String::from("…"),
            why: "its BEGIN line is not `-----BEGIN LABEL-----`",
        });
    };
    let damaged = |why| KeyError::DamagedPem {
        origin: origin.to_owned(),
        label: label.to_owned(),
        why,
    };
    let end = format!("-----END {label}-----");
    let mut legacy_encrypted = false;
    let mut in_headers = true;
    let mut base64 = Zeroizing::new(String::with_capacity(text.len()));
    let mut ended = false;
    for line in lines {
        if line == end.as_bytes() {
            ended = true;
            break;
        }
        if line.starts_with(b"-----") {
            return Err(damaged("it has no matching END line"));
        }
        if in_headers && line.contains(&b':') {
            if line.starts_with(b"Proc-Type:") && find(line, b"ENCRYPTED").is_some() {
                legacy_encrypted = true;
            }
            continue;
        }
        in_headers = false;
        for &c in line {
            if !c.is_ascii_whitespace() {
                // Anything non-base64 is caught when decoding.
                base64.push(if c.is_ascii() { char::from(c) } else { '?' });
            }
        }
    }
    if !ended {
        return Err(damaged("it has no matching END line"));
    }
    Ok(Pem {
        label: label.to_owned(),
        legacy_encrypted,
        base64,
    })
}

/// PEM with 64-column base64 lines and a trailing newline (RFC 7468, as OpenSSL writes it).
/// Callers wrap the result in `Zeroizing` when `der` is secret; the intermediate base64 is wiped.
fn pem_string(label: &str, der: &[u8]) -> String {
    let base64 = Zeroizing::new(STANDARD.encode(der));
    let mut pem = String::with_capacity(base64.len() + base64.len() / 64 + 2 * label.len() + 32);
    pem.push_str("-----BEGIN ");
    pem.push_str(label);
    pem.push_str("-----\n");
    let mut start = 0;
    while start < base64.len() {
        let end = (start + 64).min(base64.len());
        pem.push_str(&base64[start..end]);
        pem.push('\n');
        start = end;
    }
    pem.push_str("-----END ");
    pem.push_str(label);
    pem.push_str("-----\n");
    pem
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::process::Command;

    const PASS: &str = "correct horse battery staple";

    /// The DER read of `modulus_digest` gives the modulus aws-lc reads (SHA-256 of it), for a
    /// modulus with its top bit set (DER adds a zero byte); anything but an RSA SPKI PEM has
    /// none.
    #[test]
    fn modulus_digest_is_of_the_modulus_aws_lc_reads() {
        let key = PrivateKey::generate(2048).unwrap();
        let public = key.public_key();
        assert!(public.n()[0] & 0x80 != 0);
        let expected: ModulusDigest = digest(&SHA256, public.n()).as_ref().try_into().unwrap();
        assert_eq!(modulus_digest(&public.to_pem()), Some(expected));
        let pkcs8 = key.to_pkcs8_pem();
        for not_one in [
            "",
            "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n",
            pkcs8.as_str(),
        ] {
            assert_eq!(modulus_digest(not_one), None);
        }
    }

    /// A temporary folder where the `openssl` CLI makes fixtures.
    struct Dir(tempfile::TempDir);

    impl Dir {
        fn new() -> Self {
            Dir(tempfile::tempdir().expect("tempdir"))
        }

        fn path(&self, name: &str) -> PathBuf {
            self.0.path().join(name)
        }

        /// Runs `openssl ARGS` in the folder and returns its stdout.
        fn openssl(&self, args: &[&str]) -> Vec<u8> {
            self.run("openssl", args)
        }

        fn sh(&self, script: &str) -> Vec<u8> {
            self.run("sh", &["-c", script])
        }

        fn run(&self, program: &str, args: &[&str]) -> Vec<u8> {
            let out = Command::new(program)
                .args(args)
                .current_dir(self.0.path())
                .output()
                .expect("run command");
            assert!(
                out.status.success(),
                "{program} {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        }

        fn read(&self, name: &str) -> Vec<u8> {
            std::fs::read(self.path(name)).expect("read fixture")
        }

        fn write(&self, name: &str, bytes: &[u8]) {
            std::fs::write(self.path(name), bytes).expect("write fixture");
        }

        fn private(&self, name: &str) -> PrivateKey {
            PrivateKey::parse(&self.read(name), name, None).expect(name)
        }

        fn public(&self, name: &str) -> PublicKey {
            PublicKey::parse(&self.read(name), name).expect(name)
        }

        fn private_err(&self, name: &str, pass: Option<&str>) -> KeyError {
            let pass = pass.map(|p| Passphrase::new(p.into()));
            PrivateKey::parse(&self.read(name), name, pass.as_ref()).expect_err(name)
        }

        fn public_err(&self, name: &str) -> KeyError {
            PublicKey::parse(&self.read(name), name).expect_err(name)
        }
    }

    fn pass(text: &str) -> Passphrase {
        Passphrase::new(text.to_owned())
    }

    impl Dir {
        /// One openssl key as k8.pem (PKCS#8), k1.pem (PKCS#1), k8.der and k1.der.
        fn private_key_encodings(&self) {
            self.openssl(&["genrsa", "-out", "k8.pem", "2048"]);
            self.openssl(&["rsa", "-in", "k8.pem", "-traditional", "-out", "k1.pem"]);
            self.openssl(&["pkey", "-in", "k8.pem", "-outform", "DER", "-out", "k8.der"]);
            self.openssl(&[
                "rsa",
                "-in",
                "k8.pem",
                "-traditional",
                "-outform",
                "DER",
                "-out",
                "k1.der",
            ]);
        }
    }

    #[test]
    fn every_openssl_encoding_of_one_key_agrees() {
        let d = Dir::new();
        d.private_key_encodings();
        assert!(
            d.read("k8.pem")
                .starts_with(b"-----BEGIN PRIVATE KEY-----\n")
        );
        d.openssl(&["rsa", "-in", "k8.pem", "-pubout", "-out", "pub.pem"]);
        d.openssl(&[
            "rsa", "-in", "k8.pem", "-pubout", "-outform", "DER", "-out", "pub.der",
        ]);
        d.openssl(&[
            "rsa",
            "-in",
            "k8.pem",
            "-RSAPublicKey_out",
            "-out",
            "rsapub.pem",
        ]);
        d.openssl(&[
            "rsa",
            "-in",
            "k8.pem",
            "-RSAPublicKey_out",
            "-outform",
            "DER",
            "-out",
            "rsapub.der",
        ]);

        let private = d.private("k8.pem");
        let public = private.public_key().clone();
        assert_eq!(private.bits(), 2048);
        assert_eq!(private.kid(), public.kid());
        for name in ["k1.pem", "k8.der", "k1.der"] {
            let other = d.private(name);
            assert_eq!(other.public_key(), &public, "{name}");
            assert_eq!(other.pkcs1_der(), private.pkcs1_der(), "{name}");
        }
        for name in ["pub.pem", "pub.der", "rsapub.pem", "rsapub.der"] {
            let other = d.public(name);
            assert_eq!(other, public, "{name}");
            assert_eq!(other.kid(), private.kid(), "{name}");
            assert_eq!(other.fingerprint(), public.fingerprint(), "{name}");
            // Same bytes as `openssl rsa -pubout`, whatever the input encoding.
            assert_eq!(other.to_pem().as_bytes(), d.read("pub.pem"), "{name}");
        }
        assert_eq!(public.spki_der(), d.read("pub.der"));
        assert_eq!(private.pkcs1_der(), d.read("k1.der"));
        assert_eq!(private.to_pkcs8_pem().as_bytes(), d.read("k8.pem"));

        let openssl_fingerprint = d.sh(
            "openssl pkey -pubin -in pub.pem -outform DER | openssl dgst -sha256 -binary | base64",
        );
        let openssl_fingerprint = String::from_utf8(openssl_fingerprint).unwrap();
        assert_eq!(
            public.fingerprint(),
            format!("SHA256:{}", openssl_fingerprint.trim())
        );
        assert!(public.fingerprint().ends_with('='));
    }

    #[test]
    fn traditional_pkcs1_private_key() {
        let d = Dir::new();
        d.openssl(&["genrsa", "-traditional", "-out", "k1.pem", "2048"]);
        assert!(
            d.read("k1.pem")
                .starts_with(b"-----BEGIN RSA PRIVATE KEY-----\n")
        );
        d.openssl(&["rsa", "-in", "k1.pem", "-pubout", "-out", "pub.pem"]);
        let private = d.private("k1.pem");
        assert_eq!(private.public_key(), &d.public("pub.pem"));
        assert!(!PrivateKey::is_encrypted_pem(&d.read("k1.pem")));
    }

    #[test]
    fn public_half_without_checking_the_private_key() {
        let d = Dir::new();
        d.openssl(&["genrsa", "-traditional", "-out", "k1.pem", "2048"]);
        d.openssl(&[
            "pkcs8", "-topk8", "-nocrypt", "-in", "k1.pem", "-out", "k8.pem",
        ]);
        d.openssl(&[
            "pkcs8", "-topk8", "-nocrypt", "-in", "k1.pem", "-outform", "DER", "-out", "k8.der",
        ]);
        let expected = d.private("k1.pem").public_key().clone();
        for f in ["k1.pem", "k8.pem", "k8.der"] {
            assert_eq!(
                PrivateKey::public_key_unchecked(&d.read(f)).as_ref(),
                Some(&expected),
                "{f}"
            );
        }
        let passarg = format!("pass:{PASS}");
        d.openssl(&[
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-in",
            "k1.pem",
            "-passout",
            &passarg,
            "-out",
            "enc.pem",
        ]);
        d.openssl(&["rsa", "-in", "k1.pem", "-pubout", "-out", "pub.pem"]);
        // Encrypted, a public key, garbage: left to `parse`, which says what is wrong.
        for f in ["enc.pem", "pub.pem"] {
            assert_eq!(PrivateKey::public_key_unchecked(&d.read(f)), None, "{f}");
        }
        assert_eq!(PrivateKey::public_key_unchecked(b"not a key"), None);
    }

    #[test]
    fn reads_openssl_encrypted_keys() {
        let d = Dir::new();
        let passarg = format!("pass:{PASS}");
        d.openssl(&[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-aes256",
            "-pass",
            &passarg,
            "-out",
            "genpkey.pem",
        ]);
        d.openssl(&[
            "pkey",
            "-in",
            "genpkey.pem",
            "-passin",
            &passarg,
            "-pubout",
            "-out",
            "pub.pem",
        ]);
        d.openssl(&[
            "pkey",
            "-in",
            "genpkey.pem",
            "-passin",
            &passarg,
            "-out",
            "plain.pem",
        ]);
        d.openssl(&[
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-in",
            "plain.pem",
            "-passout",
            &passarg,
            "-out",
            "v2.pem",
        ]);
        d.openssl(&[
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-in",
            "plain.pem",
            "-passout",
            &passarg,
            "-outform",
            "DER",
            "-out",
            "v2.der",
        ]);
        d.openssl(&[
            "pkcs8",
            "-topk8",
            "-scrypt",
            "-in",
            "plain.pem",
            "-passout",
            &passarg,
            "-out",
            "scrypt.pem",
        ]);
        let public = d.public("pub.pem");
        for name in ["genpkey.pem", "v2.pem", "v2.der", "scrypt.pem"] {
            let bytes = d.read(name);
            assert!(PrivateKey::is_encrypted_pem(&bytes), "{name}");
            let key = PrivateKey::parse(&bytes, name, Some(&pass(PASS))).expect(name);
            assert_eq!(key.public_key(), &public, "{name}");

            let err = d.private_err(name, None);
            assert!(
                matches!(err, KeyError::PassphraseRequired { .. }),
                "{name}: {err}"
            );
            let err = d.private_err(name, Some("Tr0ub4dor&3"));
            assert!(
                matches!(err, KeyError::WrongPassphrase { .. }),
                "{name}: {err}"
            );
            assert_eq!(
                err.to_string(),
                format!("wrong passphrase for {name} (or the file is damaged)")
            );
        }
    }

    #[test]
    fn refuses_encryption_it_cannot_read_with_advice() {
        let d = Dir::new();
        d.openssl(&["genrsa", "-out", "plain.pem", "2048"]);
        let passarg = format!("pass:{PASS}");
        let cases: [(&str, &[&str], &str); 3] = [
            (
                "pkcs12.pem",
                &["-v1", "PBE-SHA1-3DES"],
                "PKCS#12 PBE with SHA-1 and 3DES",
            ),
            ("des3.pem", &["-v2", "des3"], "3DES (DES-EDE3-CBC)"),
            (
                "sha1.pem",
                &["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA1"],
                "PBKDF2 with HMAC-SHA1",
            ),
        ];
        for (name, how, scheme) in cases {
            let mut args = vec!["pkcs8", "-topk8", "-in", "plain.pem", "-passout", &passarg];
            args.extend_from_slice(how);
            args.extend_from_slice(&["-out", name]);
            d.openssl(&args);
            // Refused before any passphrase is asked for, and with one.
            for given in [None, Some(PASS)] {
                let err = d.private_err(name, given);
                assert_eq!(
                    err.to_string(),
                    format!(
                        "{name} is encrypted with {scheme}, which svcacct does not read; re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in {name} -out NEW`"
                    )
                );
            }
        }
    }

    #[test]
    fn encrypted_output_round_trips_and_openssl_reads_it() {
        let d = Dir::new();
        let key = PrivateKey::generate(2048).unwrap();
        let encrypted = key.to_encrypted_pem(&pass(PASS)).unwrap();
        assert!(encrypted.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        assert!(encrypted.ends_with("-----END ENCRYPTED PRIVATE KEY-----\n"));
        assert!(!encrypted.contains(&key.to_pkcs8_pem()[28..60]));
        d.write("enc.pem", encrypted.as_bytes());

        let passarg = format!("pass:{PASS}");
        let plain = d.openssl(&["pkey", "-in", "enc.pem", "-passin", &passarg]);
        assert_eq!(plain, key.to_pkcs8_pem().as_bytes());
        let public = d.openssl(&["pkey", "-in", "enc.pem", "-passin", &passarg, "-pubout"]);
        assert_eq!(public, key.public_key().to_pem().as_bytes());
        let params = d.openssl(&["asn1parse", "-in", "enc.pem"]);
        let params = String::from_utf8(params).unwrap();
        assert!(
            params.contains("PBKDF2") && params.contains("hmacWithSHA256"),
            "{params}"
        );
        assert!(params.contains("aes-256-cbc"), "{params}");
        assert!(
            params.contains(&format!("{PBKDF2_ITERATIONS:X}")),
            "{params}"
        );

        let again = PrivateKey::parse(encrypted.as_bytes(), "enc.pem", Some(&pass(PASS))).unwrap();
        assert_eq!(again.public_key(), key.public_key());
        assert_eq!(again.pkcs1_der(), key.pkcs1_der());
        let err =
            PrivateKey::parse(encrypted.as_bytes(), "enc.pem", Some(&pass("nope"))).unwrap_err();
        assert!(matches!(err, KeyError::WrongPassphrase { .. }));

        // Fresh salt and IV every time.
        let twice = key.to_encrypted_pem(&pass(PASS)).unwrap();
        assert_ne!(*twice, *encrypted);
        assert!(matches!(
            key.to_encrypted_pem(&pass("")),
            Err(KeyError::EmptyPassphrase)
        ));
    }

    #[test]
    fn refuses_legacy_encrypted_pem() {
        let d = Dir::new();
        d.openssl(&["genrsa", "-out", "plain.pem", "2048"]);
        d.openssl(&[
            "rsa",
            "-in",
            "plain.pem",
            "-traditional",
            "-aes256",
            "-passout",
            "pass:x",
            "-out",
            "legacy.pem",
        ]);
        let bytes = d.read("legacy.pem");
        assert!(String::from_utf8_lossy(&bytes).contains("Proc-Type: 4,ENCRYPTED"));
        assert!(!PrivateKey::is_encrypted_pem(&bytes));
        let err = d.private_err("legacy.pem", Some("x"));
        assert_eq!(
            err.to_string(),
            "legacy.pem uses OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`), which svcacct does not read; convert it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in legacy.pem -out NEW`"
        );
        assert!(matches!(
            d.public_err("legacy.pem"),
            KeyError::PrivateKeyGiven { .. }
        ));
    }

    #[test]
    fn refuses_small_keys_naming_the_size() {
        let d = Dir::new();
        d.openssl(&["genrsa", "-out", "small.pem", "1024"]);
        d.openssl(&["rsa", "-in", "small.pem", "-pubout", "-out", "small.pub"]);
        let expected = "small.pem holds a 1024-bit RSA key; svcacct needs at least 2048 bits: make a new key with `svcacct keygen` or `openssl genrsa 3072`";
        assert_eq!(d.private_err("small.pem", None).to_string(), expected);
        assert!(matches!(
            d.public_err("small.pub"),
            KeyError::TooSmall { bits: 1024, .. }
        ));
    }

    #[test]
    fn refuses_other_algorithms() {
        let d = Dir::new();
        d.openssl(&[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            "ec.pem",
        ]);
        d.openssl(&["pkey", "-in", "ec.pem", "-pubout", "-out", "ec.pub"]);
        d.openssl(&[
            "ec",
            "-in",
            "ec.pem",
            "-outform",
            "DER",
            "-out",
            "ec-sec1.der",
        ]);
        d.openssl(&[
            "ecparam",
            "-genkey",
            "-name",
            "prime256v1",
            "-out",
            "ecparam.pem",
        ]);
        d.openssl(&["genpkey", "-algorithm", "ED25519", "-out", "ed.pem"]);
        d.openssl(&["pkey", "-in", "ed.pem", "-pubout", "-out", "ed.pub"]);
        d.openssl(&[
            "genpkey",
            "-algorithm",
            "RSA-PSS",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            "pss.pem",
        ]);
        let algorithm = |err: KeyError| match err {
            KeyError::NotRsa { algorithm, .. } => algorithm,
            other => panic!("expected NotRsa, got {other}"),
        };
        assert_eq!(algorithm(d.private_err("ec.pem", None)), "EC");
        assert_eq!(algorithm(d.private_err("ec-sec1.der", None)), "EC");
        assert_eq!(algorithm(d.private_err("ecparam.pem", None)), "EC");
        assert_eq!(algorithm(d.public_err("ec.pub")), "EC");
        assert_eq!(algorithm(d.private_err("ed.pem", None)), "Ed25519");
        assert_eq!(algorithm(d.public_err("ed.pub")), "Ed25519");
        assert!(algorithm(d.private_err("pss.pem", None)).starts_with("RSA-PSS"));
        assert_eq!(
            d.public_err("ec.pub").to_string(),
            "ec.pub holds a key of type EC, but svcacct supports only RSA keys; make one with `svcacct keygen` or `openssl genrsa 3072`"
        );
    }

    #[test]
    fn a_private_key_is_never_accepted_as_public() {
        let d = Dir::new();
        d.private_key_encodings();
        d.openssl(&[
            "pkcs8", "-topk8", "-in", "k8.pem", "-passout", "pass:x", "-out", "enc.pem",
        ]);
        for name in ["k8.pem", "k1.pem", "k8.der", "k1.der", "enc.pem"] {
            let err = d.public_err(name);
            assert!(
                matches!(err, KeyError::PrivateKeyGiven { .. }),
                "{name}: {err}"
            );
            assert_eq!(
                err.to_string(),
                format!(
                    "{name} holds a PRIVATE key, but a public key is needed here: the registry must never hold a secret; pass the public half instead, made with `svcacct keygen --public-from {name}` or `openssl rsa -in {name} -pubout`"
                )
            );
        }
        let err = PublicKey::parse(&d.read("k8.pem"), "stdin").unwrap_err();
        assert!(
            err.to_string()
                .contains("`svcacct keygen --public-from FILE`"),
            "{err}"
        );
    }

    #[test]
    fn a_public_key_or_certificate_is_refused_where_a_private_key_is_needed() {
        let d = Dir::new();
        d.openssl(&["genrsa", "-out", "k.pem", "2048"]);
        d.openssl(&["rsa", "-in", "k.pem", "-pubout", "-out", "pub.pem"]);
        d.openssl(&[
            "rsa",
            "-in",
            "k.pem",
            "-RSAPublicKey_out",
            "-outform",
            "DER",
            "-out",
            "pub.der",
        ]);
        d.openssl(&[
            "req",
            "-x509",
            "-new",
            "-key",
            "k.pem",
            "-subj",
            "/CN=ci-bot",
            "-days",
            "1",
            "-out",
            "cert.pem",
        ]);
        d.openssl(&[
            "x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der",
        ]);
        for name in ["pub.pem", "pub.der", "cert.pem", "cert.der"] {
            let err = d.private_err(name, None);
            assert!(
                matches!(err, KeyError::PublicKeyGiven { .. }),
                "{name}: {err}"
            );
        }
        assert_eq!(
            d.private_err("pub.pem", None).to_string(),
            "pub.pem holds a public key, but signing needs the private key; pass the private key file (the one `svcacct keygen` or `openssl genrsa` wrote)"
        );
        for name in ["cert.pem", "cert.der"] {
            assert_eq!(
                d.public_err(name).to_string(),
                format!(
                    "{name} is an X.509 certificate, not a key; extract its public key with `openssl x509 -in {name} -pubkey -noout`"
                )
            );
        }
        // The advice works.
        d.openssl(&[
            "x509", "-in", "cert.pem", "-pubkey", "-noout", "-out", "cert.pub",
        ]);
        assert_eq!(d.public("cert.pub"), d.public("pub.pem"));
    }

    #[test]
    fn openssh_keys_get_conversion_advice() {
        let d = Dir::new();
        d.run(
            "ssh-keygen",
            &["-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", "id_rsa"],
        );
        let err = d.public_err("id_rsa.pub");
        assert_eq!(
            err.to_string(),
            "id_rsa.pub is an OpenSSH public key; convert it to PEM with `ssh-keygen -e -m PKCS8 -f id_rsa.pub` and pass that"
        );
        assert!(matches!(
            d.private_err("id_rsa.pub", None),
            KeyError::PublicKeyGiven { .. }
        ));
        let err = d.private_err("id_rsa", None);
        assert_eq!(
            err.to_string(),
            "id_rsa is an OpenSSH private key, which svcacct does not read; convert it to PKCS#8 with `ssh-keygen -p -m PKCS8 -f id_rsa` (this rewrites the file in place: keep a copy)"
        );
        assert!(matches!(
            d.public_err("id_rsa"),
            KeyError::PrivateKeyGiven { .. }
        ));

        // Both pieces of advice work.
        let pem = d.run("ssh-keygen", &["-e", "-m", "PKCS8", "-f", "id_rsa.pub"]);
        let public = PublicKey::parse(&pem, "converted").unwrap();
        d.run(
            "ssh-keygen",
            &[
                "-q", "-p", "-m", "PKCS8", "-N", "", "-P", "", "-f", "id_rsa",
            ],
        );
        assert_eq!(d.private("id_rsa").public_key(), &public);
    }

    #[test]
    fn garbage_and_damaged_input_get_clear_errors() {
        let d = Dir::new();
        d.openssl(&["genrsa", "-out", "k.pem", "2048"]);
        d.openssl(&["rsa", "-in", "k.pem", "-pubout", "-out", "pub.pem"]);
        let public = String::from_utf8(d.read("pub.pem")).unwrap();
        let private = String::from_utf8(d.read("k.pem")).unwrap();

        let public_err = |bytes: &[u8]| PublicKey::parse(bytes, "in.pem").unwrap_err();
        let private_err = |bytes: &[u8]| PrivateKey::parse(bytes, "in.pem", None).unwrap_err();

        assert!(matches!(public_err(b""), KeyError::Empty { .. }));
        assert!(matches!(private_err(b" \n\t"), KeyError::Empty { .. }));
        assert_eq!(
            public_err(b"hello world\n").to_string(),
            "in.pem is not a PEM or DER key; expected an RSA public key (`-----BEGIN PUBLIC KEY-----` or `-----BEGIN RSA PUBLIC KEY-----`, or the same in DER)"
        );
        assert!(matches!(
            private_err(b"{\"kty\":\"RSA\"}"),
            KeyError::NotAKey { .. }
        ));
        assert!(matches!(
            public_err(&[0x30, 0x03, 0x02, 0x01]),
            KeyError::NotAKey { .. }
        ));
        assert!(matches!(
            private_err(&[0x30, 0x82, 0xff]),
            KeyError::NotAKey { .. }
        ));
        assert!(matches!(public_err(&[0xff; 300]), KeyError::NotAKey { .. }));

        // Broken base64.
        let bad = public.replacen("MII", "M*I", 1);
        let err = public_err(bad.as_bytes());
        assert_eq!(
            err.to_string(),
            "in.pem: the `-----BEGIN PUBLIC KEY-----` block is damaged (its base64 is invalid); copy the file again or make a new key"
        );
        // No END line.
        let cut = &private[..private.len() / 2];
        let err = private_err(cut.as_bytes());
        assert!(
            matches!(
                err,
                KeyError::DamagedPem {
                    why: "it has no matching END line",
                    ..
                }
            ),
            "{err}"
        );
        // Mismatched END.
        let odd = public.replace("END PUBLIC KEY", "END RSA PUBLIC KEY");
        assert!(matches!(
            public_err(odd.as_bytes()),
            KeyError::DamagedPem { .. }
        ));
        // Empty body, odd BEGIN line.
        let empty = "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n";
        assert!(matches!(
            public_err(empty.as_bytes()),
            KeyError::DamagedPem {
                why: "it has no content",
                ..
            }
        ));
        assert!(matches!(
            public_err(b"-----BEGIN PUBLIC KEY\nabc\n"),
            KeyError::DamagedPem { .. }
        ));
        // Lines lost from the middle: base64 still decodes, DER does not.
        let lines: Vec<&str> = private.lines().collect();
        let short = [&lines[..3], &lines[6..]].concat().join("\n");
        let err = private_err(short.as_bytes());
        assert_eq!(
            err.to_string(),
            "in.pem looks like a private key (PKCS#8) but cannot be parsed (truncated or damaged?); copy the file again or make a new key"
        );
        // Some other PEM.
        let pgp = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF\n=abcd\n-----END PGP PUBLIC KEY BLOCK-----\n";
        assert_eq!(
            public_err(pgp.as_bytes()).to_string(),
            format!(
                "in.pem holds a `-----BEGIN PGP PUBLIC KEY BLOCK-----` block, which is not a key; expected {WANT_PUBLIC}"
            )
        );
        let csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
        assert!(matches!(
            private_err(csr.as_bytes()),
            KeyError::UnexpectedPem { .. }
        ));
    }

    #[test]
    fn reads_pem_with_leading_text_crlf_and_bom() {
        let d = Dir::new();
        d.openssl(&["genrsa", "-out", "k.pem", "2048"]);
        d.openssl(&["rsa", "-in", "k.pem", "-pubout", "-out", "pub.pem"]);
        let expected = d.private("k.pem");
        let mut bytes =
            b"Bag Attributes\n    localKeyID: 01 00 00 00\nKey Attributes: <No Attributes>\n"
                .to_vec();
        bytes.extend(d.read("k.pem"));
        assert_eq!(
            PrivateKey::parse(&bytes, "k", None).unwrap().kid(),
            expected.kid()
        );

        let crlf = String::from_utf8(d.read("pub.pem"))
            .unwrap()
            .replace('\n', "\r\n");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(crlf.as_bytes());
        assert_eq!(PublicKey::parse(&bom, "p").unwrap().kid(), expected.kid());

        // 76-column lines, as some tools write.
        let der = d.openssl(&["pkey", "-in", "k.pem", "-pubout", "-outform", "DER"]);
        let b64 = STANDARD.encode(der);
        let wide: Vec<String> = b64
            .as_bytes()
            .chunks(76)
            .map(|c| String::from_utf8(c.to_vec()).unwrap())
            .collect();
        let wide = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----",
            wide.join("\n")
        );
        assert_eq!(
            PublicKey::parse(wide.as_bytes(), "w").unwrap().kid(),
            expected.kid()
        );
    }

    #[test]
    fn secrets_never_reach_debug_output() {
        let key = PrivateKey::generate(2048).unwrap();
        let debug = format!("{key:?}");
        assert_eq!(
            debug,
            format!("PrivateKey {{ kid: {:?}, bits: 2048 }}", key.kid())
        );
        let pem = key.to_pkcs8_pem();
        for line in pem.lines().filter(|l| !l.starts_with("-----")) {
            assert!(!debug.contains(&line[..16]));
        }
        assert_eq!(
            format!("{:?}", key.public_key()),
            format!("PublicKey {{ bits: 2048, kid: {:?} }}", key.kid())
        );
        let secret = pass(PASS);
        assert_eq!(format!("{secret:?}"), "Passphrase(REDACTED)");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(Passphrase(REDACTED))");
    }

    #[test]
    fn passphrases_compare_in_constant_time() {
        assert!(pass(PASS).ct_eq(&pass(PASS)));
        assert!(!pass(PASS).ct_eq(&pass("correct horse battery stapler")));
        assert!(!pass("a").ct_eq(&pass("b")));
        assert!(pass("").ct_eq(&pass("")));
        assert_eq!(pass(PASS).as_str(), PASS);
    }

    #[test]
    fn signs_and_verifies_through_jsonwebtoken() {
        use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
        let key = PrivateKey::generate(2048).unwrap();
        let exp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 600;
        let claims = serde_json::json!({"iss": "ci-bot", "exp": exp});
        for alg in [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512] {
            let mut header = Header::new(alg);
            header.kid = Some(key.kid());
            let token = jsonwebtoken::encode(
                &header,
                &claims,
                &EncodingKey::from_rsa_der(key.pkcs1_der()),
            )
            .unwrap();
            let public = key.public_key();
            let decoding = DecodingKey::from_rsa_raw_components(public.n(), public.e());
            let data =
                jsonwebtoken::decode::<serde_json::Value>(&token, &decoding, &Validation::new(alg))
                    .unwrap();
            assert_eq!(data.claims["iss"], "ci-bot");
            assert_eq!(data.header.kid.as_deref(), Some(key.kid().as_str()));

            // Another key's public half does not verify it.
            let other = PrivateKey::generate(2048).unwrap();
            let other = other.public_key();
            let wrong = DecodingKey::from_rsa_raw_components(other.n(), other.e());
            assert!(
                jsonwebtoken::decode::<serde_json::Value>(&token, &wrong, &Validation::new(alg))
                    .is_err()
            );
        }
    }

    /// RFC 7638, section 3.1.
    const RFC7638_N: &str = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    #[test]
    fn kid_is_the_rfc7638_thumbprint_and_jwk_round_trips() {
        let n = URL_SAFE_NO_PAD.decode(RFC7638_N).unwrap();
        let e = [1, 0, 1];
        let key = PublicKey::from_components(&n, &e).unwrap();
        assert_eq!(key.kid(), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        assert_eq!(key.bits(), 2048);
        assert_eq!(key.n(), n.as_slice());
        assert_eq!(key.e(), &e);
        // Leading zeros are not part of the number.
        let mut padded = vec![0, 0];
        padded.extend(&n);
        assert_eq!(
            PublicKey::from_components(&padded, &[0, 1, 0, 1]).unwrap(),
            key
        );

        let jwk = key.jwk(Some("RS256"));
        assert_eq!(
            jwk,
            serde_json::json!({
                "kty": "RSA",
                "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                "use": "sig",
                "alg": "RS256",
                "n": RFC7638_N,
                "e": "AQAB",
            })
        );
        assert!(key.jwk(None).get("alg").is_none());
        // The PEM is canonical, and reads back as the same key.
        let pem = key.to_pem();
        assert!(pem.starts_with(
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"
        ));
        assert!(pem.lines().all(|l| l.len() <= 64));
        assert_eq!(PublicKey::parse(pem.as_bytes(), "p").unwrap(), key);
        assert_eq!(PublicKey::parse(key.spki_der(), "p").unwrap(), key);
    }

    #[test]
    fn from_components_rejects_nonsense() {
        let n = URL_SAFE_NO_PAD.decode(RFC7638_N).unwrap();
        let invalid = |n: &[u8], e: &[u8]| {
            matches!(
                PublicKey::from_components(n, e),
                Err(KeyError::InvalidKey { .. })
            )
        };
        let mut even = n.clone();
        *even.last_mut().unwrap() &= 0xfe;
        assert!(invalid(&even, &[1, 0, 1]));
        assert!(invalid(&n, &[1]));
        assert!(invalid(&n, &[2]));
        assert!(invalid(&n, &[0x01, 0, 0, 0, 0, 1])); // more than 33 bits
        assert!(invalid(&n, &[]));
        assert!(invalid(&[0, 0], &[1, 0, 1]));
        assert!(matches!(
            PublicKey::from_components(&n[..128], &[1, 0, 1]),
            Err(KeyError::TooSmall { bits: 1024, .. })
        ));
        let mut huge = vec![0xff; 1025];
        huge[1024] = 0xfb;
        assert!(matches!(
            PublicKey::from_components(&huge, &[1, 0, 1]),
            Err(KeyError::TooLarge { bits: 8200, .. })
        ));
    }

    #[test]
    fn generates_only_supported_sizes() {
        for bits in [0, 1024, 2047, 4097, 8192] {
            for err in [
                PrivateKey::generate(bits).unwrap_err(),
                PrivateKey::generate_first_of_two(bits).unwrap_err(),
            ] {
                assert_eq!(
                    err.to_string(),
                    format!("cannot generate a {bits}-bit RSA key; choose 2048, 3072 or 4096 bits")
                );
            }
        }
        // the first of two searches: a key of the size asked, different each time
        let first = PrivateKey::generate_first_of_two(2048).unwrap();
        let second = PrivateKey::generate_first_of_two(2048).unwrap();
        assert_eq!((first.bits(), second.bits()), (2048, 2048));
        assert_ne!(first.public_key(), second.public_key());
        let key = PrivateKey::generate(3072).unwrap();
        assert_eq!(key.bits(), 3072);
        assert_eq!(key.public_key().e(), &[1, 0, 1]);
        let pem = key.to_pkcs8_pem();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        let again = PrivateKey::parse(pem.as_bytes(), "k", None).unwrap();
        assert_eq!(again.public_key(), key.public_key());
        assert_eq!(again.pkcs1_der(), key.pkcs1_der());
        assert!(!PrivateKey::is_encrypted_pem(pem.as_bytes()));
    }

    #[test]
    fn messages_name_the_origin_and_placeholders_replace_non_paths() {
        let msg = |e: KeyError| e.to_string();
        assert_eq!(
            msg(KeyError::PassphraseRequired {
                origin: "SVCACCT_JWT_PRIVATE_KEY".into()
            }),
            "SVCACCT_JWT_PRIVATE_KEY is encrypted and no passphrase was given; type it at the prompt, or use `--passphrase-file FILE` or `SVCACCT_PASSPHRASE`"
        );
        assert_eq!(
            msg(KeyError::OpenSshPrivateKey {
                origin: "SVCACCT_JWT_PRIVATE_KEY".into()
            }),
            "SVCACCT_JWT_PRIVATE_KEY is an OpenSSH private key, which svcacct does not read; convert it to PKCS#8 with `ssh-keygen -p -m PKCS8 -f FILE` (this rewrites the file in place: keep a copy)"
        );
        assert_eq!(
            msg(KeyError::OpenSshPublicKey {
                origin: "stdin".into()
            }),
            "stdin is an OpenSSH public key; convert it to PEM with `ssh-keygen -e -m PKCS8 -f key.pub` and pass that"
        );
        assert_eq!(
            msg(KeyError::LegacyEncryptedPem {
                origin: "my key.pem".into()
            }),
            "my key.pem uses OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`), which svcacct does not read; convert it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in OLD -out NEW`"
        );
        assert_eq!(
            msg(KeyError::TooLarge {
                origin: "/keys/big.pem".into(),
                bits: 16384
            }),
            "/keys/big.pem holds a 16384-bit RSA key; svcacct accepts at most 8192 bits: make a new key with `svcacct keygen`"
        );
        assert_eq!(
            msg(KeyError::InvalidKey {
                origin: "k.pem".into()
            }),
            "k.pem holds an RSA key whose numbers do not form a valid key; make a new key with `svcacct keygen`"
        );
        assert_eq!(
            msg(KeyError::Empty {
                origin: "stdin".into(),
                expected: WANT_PRIVATE
            }),
            "stdin is empty; expected an RSA private key (`-----BEGIN PRIVATE KEY-----`, `-----BEGIN ENCRYPTED PRIVATE KEY-----` or `-----BEGIN RSA PRIVATE KEY-----`, or the same in DER)"
        );
        assert_eq!(
            msg(KeyError::EmptyPassphrase),
            "an empty passphrase would not protect the key; choose a passphrase, or write the key unencrypted"
        );
        assert_eq!(shell_arg("-rf", "FILE"), "FILE");
        assert_eq!(shell_arg("keys/ci-bot.pem", "FILE"), "keys/ci-bot.pem");
    }

    #[test]
    fn mangled_keys_never_panic() {
        let key = PrivateKey::generate(2048).unwrap();
        let pass = Passphrase::new("pw".into());
        let inputs: Vec<Vec<u8>> = vec![
            key.to_pkcs8_pem().as_bytes().to_vec(),
            key.public_key().to_pem().into_bytes(),
            key.public_key().spki_der().to_vec(),
            key.pkcs1_der().to_vec(),
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for input in &inputs {
            for _ in 0..400 {
                let mut bytes = input.clone();
                for _ in 0..(next() % 3 + 1) {
                    let i = (next() as usize) % bytes.len();
                    match next() % 3 {
                        0 => bytes[i] = next() as u8,
                        1 => {
                            bytes.remove(i);
                        }
                        _ => bytes.truncate(i.max(1)),
                    }
                }
                // Whatever the answer, it comes back as a value, not a panic.
                let _ = PublicKey::parse(&bytes, "fuzz");
                let _ = PrivateKey::parse(&bytes, "fuzz", Some(&pass));
                let _ = PrivateKey::is_encrypted_pem(&bytes);
            }
        }
    }

    #[test]
    fn absurd_key_derivation_costs_are_refused_before_any_work() {
        use pkcs8::der::Encode;
        let salt = [7u8; 16];
        let iv = [9u8; 16];
        // pkcs5 will not build such parameters, but it decodes them from a file.
        let mut params = pbes2::Parameters::pbkdf2_sha256_aes256cbc(1000, &salt, &iv).unwrap();
        if let pbes2::Kdf::Pbkdf2(kdf) = &mut params.kdf {
            kdf.iteration_count = MAX_PBKDF2_ITERATIONS + 1;
        }
        let info = EncryptedPrivateKeyInfo {
            encryption_algorithm: params.into(),
            encrypted_data: &[0u8; 32],
        };
        let der = info.to_der().unwrap();
        let started = std::time::Instant::now();
        let err =
            PrivateKey::parse(&der, "slow.der", Some(&Passphrase::new("pw".into()))).unwrap_err();
        assert!(
            matches!(&err, KeyError::UnsupportedEncryption { scheme, .. } if scheme.contains("100000001 iterations")),
            "{err}"
        );
        // Refused up front, not after 100 million rounds (generous bound for a loaded machine).
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
