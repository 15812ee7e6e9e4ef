
use builtin;
use str;

set edit:completion:arg-completer[svcacct] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'svcacct'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'svcacct'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keygen 'Generate an RSA key pair, or derive the public key of a private key'
            cand create 'Register a service account'
            cand get 'List service accounts'
            cand describe 'Show service accounts in detail: keys, groups, labels and the policies that name them'
            cand delete 'Delete service accounts (and their private keys in the local keystore)'
            cand rename 'Rename a service account; tokens minted under the old name stop verifying'
            cand disable 'Disable a service account: its tokens stop verifying until it is enabled'
            cand enable 'Enable a disabled service account'
            cand update 'Change a service account''s description, expiry, groups or labels'
            cand key 'Add, list and remove an account''s public keys (key rotation)'
            cand namespace 'Create, list and delete namespaces (with their default accounts and policies)'
            cand policy 'Create, list, change and delete policies'
            cand can-i 'Ask whether an account may do an action on a resource'
            cand token 'Mint a short-lived JWT for an account (offline: needs no server)'
            cand exec 'Run a command with a token that is kept fresh until it exits'
            cand verify 'Verify a token against the registry and say who it is'
            cand decode 'Print a token''s header and claims without verifying anything'
            cand jwks 'Print one account''s public keys, or the issuer''s, as a JWKS for gateways that verify tokens themselves'
            cand serve 'Serve the store over HTTP(S) for a team; requests authenticate with the accounts'' JWTs'
            cand whoami 'Print who the store thinks you are: account, username, groups, key'
            cand config 'Manage contexts in the config file: named stores with the account and key to use'
            cand tokens 'Issue, list, rename and revoke tokens that the store signs for an account'
            cand issuer 'Show, set up and rotate the store''s token issuer'
            cand store 'Look after the store itself: copy a whole registry between stores (a backup, a move), bring a PostgreSQL store''s schema up to date'
            cand login 'Log in to a remote store with an issued token, kept in the current context'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;keygen'= {
            cand -o 'Write the private key (PKCS#8 PEM, mode 0600) to PATH and the public key to PATH.pub [default: private key on stdout, which must not be a terminal]'
            cand --out 'Write the private key (PKCS#8 PEM, mode 0600) to PATH and the public key to PATH.pub [default: private key on stdout, which must not be a terminal]'
            cand --bits 'Key size in bits (with two CPUs, two searches for the key run at once and the first key found is kept: the time of one search varies several-fold)'
            cand --public-out 'Where to write the public key (SPKI PEM) [default: PATH.pub with -o, else not written]'
            cand --public-from 'Do not generate: print (or write with --public-out) the public key of this private key'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --encrypt 'Encrypt the private key with a passphrase (PBES2: PBKDF2-SHA256 + AES-256-CBC)'
            cand --force 'Overwrite existing files'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;create'= {
            cand --public-key 'Public key to register (SPKI or PKCS#1 PEM/DER) [default: generate a key pair and keep the private key in the keystore]'
            cand --bits 'Size of the generated key when --public-key is absent (two searches at once with two CPUs, as keygen)'
            cand --alg 'The one algorithm the key signs with; its published JWK says so (RFC 8725 §3.1)'
            cand --description 'Free text shown by describe'
            cand --group 'Groups the account belongs to (repeatable or comma-separated)'
            cand --expires 'Expiry: a date (2027-06-30), a timestamp (RFC 3339) or a duration from now (90d, 12h) [default: never]'
            cand --impersonate 'Act for this directory user (Pomerium): the account''s tokens carry `sub` = USER_ID and `act: {"sub": <the account>}`'
            cand --label 'Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;get'= {
            cand -l 'Only the accounts whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)'
            cand --selector 'Only the accounts whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -A 'List accounts of every namespace'
            cand --all-namespaces 'List accounts of every namespace'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;describe'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;delete'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;rename'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;disable'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;enable'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;update'= {
            cand --description 'New description'
            cand --expires 'New expiry: a date, an RFC 3339 timestamp or a duration from now'
            cand --add-group 'Add groups (repeatable or comma-separated)'
            cand --remove-group 'Remove groups (repeatable or comma-separated)'
            cand --label 'Set the label KEY=VALUE (repeatable; see `create --label`)'
            cand --remove-label 'Remove the label KEY (repeatable)'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --no-expires 'Remove the expiry date'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;key'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Register another public key for an account'
            cand list 'List an account''s public keys'
            cand remove 'Remove one of an account''s public keys; tokens it signed stop verifying'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;key;add'= {
            cand --public-key 'Public key file to register'
            cand --bits 'Size of the generated key (two searches at once with two CPUs, as keygen)'
            cand --alg 'The one algorithm the key signs with; its published JWK says so (RFC 8725 §3.1)'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --generate 'Generate a key pair; keep the private key in the keystore'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;key;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;key;remove'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --force 'Allow removing the account''s last key'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;key;help'= {
            cand add 'Register another public key for an account'
            cand list 'List an account''s public keys'
            cand remove 'Remove one of an account''s public keys; tokens it signed stop verifying'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;key;help;add'= {
        }
        &'svcacct;key;help;list'= {
        }
        &'svcacct;key;help;remove'= {
        }
        &'svcacct;key;help;help'= {
        }
        &'svcacct;namespace'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers'
            cand get 'List namespaces, or show some'
            cand delete 'Delete a namespace with its accounts, policies and child namespaces'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;namespace;create'= {
            cand --label 'Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --no-defaults 'Do not create the default accounts and policies (through a server, creating them needs what their policies grant)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;namespace;get'= {
            cand -l 'Only the namespaces whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)'
            cand --selector 'Only the namespaces whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;namespace;delete'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;namespace;help'= {
            cand create 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers'
            cand get 'List namespaces, or show some'
            cand delete 'Delete a namespace with its accounts, policies and child namespaces'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;namespace;help;create'= {
        }
        &'svcacct;namespace;help;get'= {
        }
        &'svcacct;namespace;help;delete'= {
        }
        &'svcacct;namespace;help;help'= {
        }
        &'svcacct;policy'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)'
            cand get 'List policies'
            cand describe 'Show one policy in detail'
            cand delete 'Delete policies'
            cand update 'Add or remove subjects, actions and resources of a policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;policy;create'= {
            cand --subject 'Who: account reference or group:NAME (repeatable or comma-separated)'
            cand --action 'What: e.g. get, create, `*` (repeatable or comma-separated)'
            cand --resource 'On what: e.g. function, `image*`, `*` (repeatable or comma-separated)'
            cand --description 'Free text shown by describe'
            cand --label 'Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --global 'The policy applies in every namespace (instead of -n NS and its children)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;policy;get'= {
            cand -l 'Only the policies whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)'
            cand --selector 'Only the policies whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -A 'List policies of every namespace and the global ones'
            cand --all-namespaces 'List policies of every namespace and the global ones'
            cand --global 'The policy applies in every namespace (instead of -n NS and its children)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;policy;describe'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --global 'The policy applies in every namespace (instead of -n NS and its children)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;policy;delete'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --global 'The policy applies in every namespace (instead of -n NS and its children)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;policy;update'= {
            cand --description 'New description'
            cand --add-subject 'Subjects to add (repeatable or comma-separated)'
            cand --remove-subject 'Subjects to remove'
            cand --add-action 'Actions to add'
            cand --remove-action 'Actions to remove'
            cand --add-resource 'Resources to add'
            cand --remove-resource 'Resources to remove'
            cand --label 'Set the label KEY=VALUE (repeatable; see `policy create --label`)'
            cand --remove-label 'Remove the label KEY (repeatable)'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --global 'The policy applies in every namespace (instead of -n NS and its children)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;policy;help'= {
            cand create 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)'
            cand get 'List policies'
            cand describe 'Show one policy in detail'
            cand delete 'Delete policies'
            cand update 'Add or remove subjects, actions and resources of a policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;policy;help;create'= {
        }
        &'svcacct;policy;help;get'= {
        }
        &'svcacct;policy;help;describe'= {
        }
        &'svcacct;policy;help;delete'= {
        }
        &'svcacct;policy;help;update'= {
        }
        &'svcacct;policy;help;help'= {
        }
        &'svcacct;can-i'= {
            cand --as 'The account asking: name or NS/NAME'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -q 'Print nothing; answer with the exit status only'
            cand --quiet 'Print nothing; answer with the exit status only'
            cand --list 'Print everything the account may do'
            cand --global 'Ask about global policies only (what routes without a namespace, giving groups and impersonation need), instead of those that reach the namespace of -n'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;token'= {
            cand --kid 'Sign with the keystore key of this kid [default: the keystore''s current key] (not with --jwt-private-key); it may start with `-`'
            cand --ttl 'Lifetime: e.g. 90s, 10m, 1h; at most the maximum token lifetime'
            cand --alg 'Signature algorithm [default: the one the key is registered for (from a local store''s record or the keystore), else RS256]'
            cand --aud 'Audience (repeatable)'
            cand --claim 'Extra string claim (repeatable); registered claims cannot be overridden'
            cand -o 'What to print'
            cand --output 'What to print'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --reuse 'Print the token kept from an earlier --reuse for the same account, key, algorithm, TTL, audiences and claims while at least half of its lifetime remains; else mint one and keep it (see below)'
            cand --no-reuse 'Mint a new token even when the config file''s `token-reuse` is true'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;exec'= {
            cand --out 'Keep the token in FILE (mode 0600), replaced at 80 % of each token''s lifetime (not `--token-file`: that global flag names the bearer token a remote store is called with)'
            cand --env 'Give the command the first token in environment variable VAR'
            cand --audience 'Request tokens for this audience from the registry (repeatable) instead of self-signed ones'
            cand --ttl 'Each token''s lifetime [default: 10m self-signed, 1h requested]'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;verify'= {
            cand --aud 'Require this audience'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;decode'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;jwks'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --issuer 'The issuer''s RSA keys instead: they verify the tokens it issues'
            cand -A 'No longer offered: a key set of several accounts lets each sign as the others'
            cand --all-namespaces 'No longer offered: a key set of several accounts lets each sign as the others'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;serve'= {
            cand --listen 'Address to listen on; plain HTTP is refused on a non-loopback address unless --insecure-listen'
            cand --tls-cert 'PEM certificate chain: serve HTTPS (with --tls-key)'
            cand --tls-key 'PEM private key of the certificate'
            cand --max-token-lifetime 'Longest lifetime (exp - iat) of an accepted token [default: SVCACCT_MAX_TOKEN_LIFETIME, else the config file''s `max-token-lifetime`, else 1h]'
            cand --request-timeout 'Longest time a client may take to send a request (headers and body, each of which has at most 10s of it), and a handler to answer it'
            cand --issuer-url 'The issuer''s https URL: set in the store (created RS256 if it has none) unless it has it already; another URL there is refused (change it with `svcacct issuer set-url --force`)'
            cand --max-requested-token-lifetime 'Longest lifetime of a requested token (`svcacct tokens request`); a longer request is cut to it (at least 10m)'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --insecure-listen 'Serve plain HTTP on a non-loopback address (tokens cross the network in clear text)'
            cand --unauthenticated-metrics 'Serve GET /metrics to anyone, without a token (by default it needs a policy allowing `get` on `metrics` globally)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;whoami'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;config'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set-context 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line'
            cand use-context 'Make a context the current one'
            cand get-contexts 'List the contexts; the current one is marked with `*`'
            cand current-context 'Print the name of the current context'
            cand delete-context 'Delete a context'
            cand view 'Print the config file''s settings and contexts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;config;set-context'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --current 'Make it the current context too'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;config;use-context'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;config;get-contexts'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;config;current-context'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;config;delete-context'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;config;view'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;config;help'= {
            cand set-context 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line'
            cand use-context 'Make a context the current one'
            cand get-contexts 'List the contexts; the current one is marked with `*`'
            cand current-context 'Print the name of the current context'
            cand delete-context 'Delete a context'
            cand view 'Print the config file''s settings and contexts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;config;help;set-context'= {
        }
        &'svcacct;config;help;use-context'= {
        }
        &'svcacct;config;help;get-contexts'= {
        }
        &'svcacct;config;help;current-context'= {
        }
        &'svcacct;config;help;delete-context'= {
        }
        &'svcacct;config;help;view'= {
        }
        &'svcacct;config;help;help'= {
        }
        &'svcacct;tokens'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Issue a token for an account; it is printed once (the bare JWT on stdout, or with --out in a new file of mode 0600)'
            cand list 'List an account''s issued tokens (never the tokens themselves)'
            cand revoke 'Revoke an issued token: from now on it fails verification'
            cand regenerate 'Issue a new token under the same name (same audiences and lifetime) and revoke the old'
            cand rename 'Rename an issued token (the token itself does not change)'
            cand request 'Request a short-lived token for audiences, signed by the issuer and not stored'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;tokens;create'= {
            cand --expires 'When it expires: a duration (90d, 1y), a date (2027-06-30), an RFC 3339 timestamp, or `never`'
            cand --aud 'Audience (`aud`); repeatable'
            cand --out 'Write the token to FILE, a new file of mode 0600 (never over an existing one), instead of stdout'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;tokens;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;tokens;revoke'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;tokens;regenerate'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;tokens;rename'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;tokens;request'= {
            cand --audience 'An audience (`aud`) the token is for; repeatable, at least one'
            cand --duration 'How long it lives [default: 1h]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;tokens;help'= {
            cand create 'Issue a token for an account; it is printed once (the bare JWT on stdout, or with --out in a new file of mode 0600)'
            cand list 'List an account''s issued tokens (never the tokens themselves)'
            cand revoke 'Revoke an issued token: from now on it fails verification'
            cand regenerate 'Issue a new token under the same name (same audiences and lifetime) and revoke the old'
            cand rename 'Rename an issued token (the token itself does not change)'
            cand request 'Request a short-lived token for audiences, signed by the issuer and not stored'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;tokens;help;create'= {
        }
        &'svcacct;tokens;help;list'= {
        }
        &'svcacct;tokens;help;revoke'= {
        }
        &'svcacct;tokens;help;regenerate'= {
        }
        &'svcacct;tokens;help;rename'= {
        }
        &'svcacct;tokens;help;request'= {
        }
        &'svcacct;tokens;help;help'= {
        }
        &'svcacct;issuer'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'Show the issuer: its id, algorithm and keys (never a secret)'
            cand init 'Create the issuer before first use, e.g. to sign with an HMAC secret (HS256)'
            cand rotate 'Start a new signing key; the old one verifies the tokens it signed until they expire'
            cand set-url 'Set the https URL that the issuer''s tokens carry as `iss` and relying parties discover'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;issuer;get'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;issuer;init'= {
            cand --algorithm 'algorithm'
            cand --secret-file 'File holding the HS256 secret (`-` for stdin)'
            cand --url 'The https URL its tokens carry as `iss` (RS256 only; see `svcacct issuer set-url`)'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;issuer;rotate'= {
            cand --secret-file 'File holding the new HS256 secret (`-` for stdin); an HS256 issuer needs one'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --revoke-previous 'Remove every earlier key at once (from the JWKS too) and revoke every token they signed: what a leaked key calls for'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;issuer;set-url'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --force 'Replace a URL the issuer has already: tokens that carry the old one stop verifying'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;issuer;help'= {
            cand get 'Show the issuer: its id, algorithm and keys (never a secret)'
            cand init 'Create the issuer before first use, e.g. to sign with an HMAC secret (HS256)'
            cand rotate 'Start a new signing key; the old one verifies the tokens it signed until they expire'
            cand set-url 'Set the https URL that the issuer''s tokens carry as `iss` and relying parties discover'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;issuer;help;get'= {
        }
        &'svcacct;issuer;help;init'= {
        }
        &'svcacct;issuer;help;rotate'= {
        }
        &'svcacct;issuer;help;set-url'= {
        }
        &'svcacct;issuer;help;help'= {
        }
        &'svcacct;store'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand copy 'Copy every record of one store into another, empty one: accounts and their keys, policies, namespaces, the issuer and its private keys, issued-token records'
            cand migrate 'Bring a PostgreSQL store''s schema up to the version this svcacct needs (creates it in an empty database); a store at that version already is left as it is'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;store;copy'= {
            cand --from 'The store to copy from (a folder, or a postgres:// database)'
            cand --to 'The store to copy into (a folder, made by the copy when it does not exist; or a postgres:// database whose schema `store migrate` made)'
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand --overwrite 'Replace whatever the destination holds: its records are removed and the source''s written, in one transaction, so that it becomes a copy of the source'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;store;migrate'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;store;help'= {
            cand copy 'Copy every record of one store into another, empty one: accounts and their keys, policies, namespaces, the issuer and its private keys, issued-token records'
            cand migrate 'Bring a PostgreSQL store''s schema up to the version this svcacct needs (creates it in an empty database); a store at that version already is left as it is'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;store;help;copy'= {
        }
        &'svcacct;store;help;migrate'= {
        }
        &'svcacct;store;help;help'= {
        }
        &'svcacct;login'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;completions'= {
            cand --store 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]'
            cand --keystore 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]'
            cand -n 'Namespace of the command [default: default]'
            cand --namespace 'Namespace of the command [default: default]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]'
            cand --passphrase-file 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)'
            cand --context 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]'
            cand --service-account 'With a remote store: the account that signs each request''s token (name or NS/NAME)'
            cand --jwt-private-key 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]'
            cand --token-file 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)'
            cand --ca-cert 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct'
            cand --issuer-kek-file 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'svcacct;help'= {
            cand keygen 'Generate an RSA key pair, or derive the public key of a private key'
            cand create 'Register a service account'
            cand get 'List service accounts'
            cand describe 'Show service accounts in detail: keys, groups, labels and the policies that name them'
            cand delete 'Delete service accounts (and their private keys in the local keystore)'
            cand rename 'Rename a service account; tokens minted under the old name stop verifying'
            cand disable 'Disable a service account: its tokens stop verifying until it is enabled'
            cand enable 'Enable a disabled service account'
            cand update 'Change a service account''s description, expiry, groups or labels'
            cand key 'Add, list and remove an account''s public keys (key rotation)'
            cand namespace 'Create, list and delete namespaces (with their default accounts and policies)'
            cand policy 'Create, list, change and delete policies'
            cand can-i 'Ask whether an account may do an action on a resource'
            cand token 'Mint a short-lived JWT for an account (offline: needs no server)'
            cand exec 'Run a command with a token that is kept fresh until it exits'
            cand verify 'Verify a token against the registry and say who it is'
            cand decode 'Print a token''s header and claims without verifying anything'
            cand jwks 'Print one account''s public keys, or the issuer''s, as a JWKS for gateways that verify tokens themselves'
            cand serve 'Serve the store over HTTP(S) for a team; requests authenticate with the accounts'' JWTs'
            cand whoami 'Print who the store thinks you are: account, username, groups, key'
            cand config 'Manage contexts in the config file: named stores with the account and key to use'
            cand tokens 'Issue, list, rename and revoke tokens that the store signs for an account'
            cand issuer 'Show, set up and rotate the store''s token issuer'
            cand store 'Look after the store itself: copy a whole registry between stores (a backup, a move), bring a PostgreSQL store''s schema up to date'
            cand login 'Log in to a remote store with an issued token, kept in the current context'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'svcacct;help;keygen'= {
        }
        &'svcacct;help;create'= {
        }
        &'svcacct;help;get'= {
        }
        &'svcacct;help;describe'= {
        }
        &'svcacct;help;delete'= {
        }
        &'svcacct;help;rename'= {
        }
        &'svcacct;help;disable'= {
        }
        &'svcacct;help;enable'= {
        }
        &'svcacct;help;update'= {
        }
        &'svcacct;help;key'= {
            cand add 'Register another public key for an account'
            cand list 'List an account''s public keys'
            cand remove 'Remove one of an account''s public keys; tokens it signed stop verifying'
        }
        &'svcacct;help;key;add'= {
        }
        &'svcacct;help;key;list'= {
        }
        &'svcacct;help;key;remove'= {
        }
        &'svcacct;help;namespace'= {
            cand create 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers'
            cand get 'List namespaces, or show some'
            cand delete 'Delete a namespace with its accounts, policies and child namespaces'
        }
        &'svcacct;help;namespace;create'= {
        }
        &'svcacct;help;namespace;get'= {
        }
        &'svcacct;help;namespace;delete'= {
        }
        &'svcacct;help;policy'= {
            cand create 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)'
            cand get 'List policies'
            cand describe 'Show one policy in detail'
            cand delete 'Delete policies'
            cand update 'Add or remove subjects, actions and resources of a policy'
        }
        &'svcacct;help;policy;create'= {
        }
        &'svcacct;help;policy;get'= {
        }
        &'svcacct;help;policy;describe'= {
        }
        &'svcacct;help;policy;delete'= {
        }
        &'svcacct;help;policy;update'= {
        }
        &'svcacct;help;can-i'= {
        }
        &'svcacct;help;token'= {
        }
        &'svcacct;help;exec'= {
        }
        &'svcacct;help;verify'= {
        }
        &'svcacct;help;decode'= {
        }
        &'svcacct;help;jwks'= {
        }
        &'svcacct;help;serve'= {
        }
        &'svcacct;help;whoami'= {
        }
        &'svcacct;help;config'= {
            cand set-context 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line'
            cand use-context 'Make a context the current one'
            cand get-contexts 'List the contexts; the current one is marked with `*`'
            cand current-context 'Print the name of the current context'
            cand delete-context 'Delete a context'
            cand view 'Print the config file''s settings and contexts'
        }
        &'svcacct;help;config;set-context'= {
        }
        &'svcacct;help;config;use-context'= {
        }
        &'svcacct;help;config;get-contexts'= {
        }
        &'svcacct;help;config;current-context'= {
        }
        &'svcacct;help;config;delete-context'= {
        }
        &'svcacct;help;config;view'= {
        }
        &'svcacct;help;tokens'= {
            cand create 'Issue a token for an account; it is printed once (the bare JWT on stdout, or with --out in a new file of mode 0600)'
            cand list 'List an account''s issued tokens (never the tokens themselves)'
            cand revoke 'Revoke an issued token: from now on it fails verification'
            cand regenerate 'Issue a new token under the same name (same audiences and lifetime) and revoke the old'
            cand rename 'Rename an issued token (the token itself does not change)'
            cand request 'Request a short-lived token for audiences, signed by the issuer and not stored'
        }
        &'svcacct;help;tokens;create'= {
        }
        &'svcacct;help;tokens;list'= {
        }
        &'svcacct;help;tokens;revoke'= {
        }
        &'svcacct;help;tokens;regenerate'= {
        }
        &'svcacct;help;tokens;rename'= {
        }
        &'svcacct;help;tokens;request'= {
        }
        &'svcacct;help;issuer'= {
            cand get 'Show the issuer: its id, algorithm and keys (never a secret)'
            cand init 'Create the issuer before first use, e.g. to sign with an HMAC secret (HS256)'
            cand rotate 'Start a new signing key; the old one verifies the tokens it signed until they expire'
            cand set-url 'Set the https URL that the issuer''s tokens carry as `iss` and relying parties discover'
        }
        &'svcacct;help;issuer;get'= {
        }
        &'svcacct;help;issuer;init'= {
        }
        &'svcacct;help;issuer;rotate'= {
        }
        &'svcacct;help;issuer;set-url'= {
        }
        &'svcacct;help;store'= {
            cand copy 'Copy every record of one store into another, empty one: accounts and their keys, policies, namespaces, the issuer and its private keys, issued-token records'
            cand migrate 'Bring a PostgreSQL store''s schema up to the version this svcacct needs (creates it in an empty database); a store at that version already is left as it is'
        }
        &'svcacct;help;store;copy'= {
        }
        &'svcacct;help;store;migrate'= {
        }
        &'svcacct;help;login'= {
        }
        &'svcacct;help;completions'= {
        }
        &'svcacct;help;help'= {
        }
    ]
    $completions[$command]
}
