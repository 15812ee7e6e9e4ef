//! RSA keys: generation, reading PEM and DER by content, passphrase encryption, fingerprints
//! and JWKs (DESIGN.md, "Keys").
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
use pkcs8::spki::SubjectPublicKeyInfoRef;
use pkcs8::{EncryptedPrivateKeyInfo, ObjectIdentifier, PrivateKeyInfo};
use zeroize::Zeroizing;

/// Smallest RSA modulus accepted, in bits.
pub const MIN_BITS: usize = 2048;
/// Largest RSA modulus accepted, in bits. `keygen` makes only 2048, 3072 or 4096.
pub const MAX_BITS: usize = 8192;
/// PBKDF2-HMAC-SHA256 iterations for keys this tool encrypts (OWASP's 2023 figure).
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// Largest scrypt work (bytes of memory, 128·r·N·p) accepted when decrypting; openssl's default
/// is 16 MiB. Stops a hostile file from asking for terabytes.
const MAX_SCRYPT_MEMORY: u64 = 1 << 30;

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
        "{origin} holds a {algorithm} key, but svcacct supports only RSA keys; make one with `svcacct keygen` or `openssl genrsa 3072`"
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
        Self::from_key_pair(&pair, "the generated key")
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
        Self::from_key_pair(&pair, origin)
    }

    fn from_key_pair(pair: &rsa::KeyPair, origin: &str) -> Result<PrivateKey, KeyError> {
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
        })
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
        if let Some(pbkdf2) = params.kdf.pbkdf2()
            && pbkdf2.prf == pbes2::Pbkdf2Prf::HmacWithSha1
        {
            return Err(unsupported("PBKDF2 with HMAC-SHA1".into()));
        }
        if let Some(scrypt) = params.kdf.scrypt() {
            let memory = 128
                * u64::from(scrypt.block_size)
                * scrypt.cost_parameter
                * u64::from(scrypt.parallelization.max(1));
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
        other => format!("non-RSA (algorithm OID {other})"),
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
