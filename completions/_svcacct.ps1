
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'svcacct' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'svcacct'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'svcacct' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Generate an RSA key pair, or derive the public key of a private key')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Register a service account')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List service accounts')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show service accounts in detail: keys, groups, labels and the policies that name them')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete service accounts (and their private keys in the local keystore)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a service account; tokens minted under the old name stop verifying')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a service account: its tokens stop verifying until it is enabled')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled service account')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a service account''s description, expiry, groups or labels')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Add, list and remove an account''s public keys (key rotation)')
            [CompletionResult]::new('namespace', 'namespace', [CompletionResultType]::ParameterValue, 'Create, list and delete namespaces (with their default accounts and policies)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Create, list, change and delete policies')
            [CompletionResult]::new('can-i', 'can-i', [CompletionResultType]::ParameterValue, 'Ask whether an account may do an action on a resource')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Mint a short-lived JWT for an account (offline: needs no server)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with a token that is kept fresh until it exits')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a token against the registry and say who it is')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Print a token''s header and claims without verifying anything')
            [CompletionResult]::new('jwks', 'jwks', [CompletionResultType]::ParameterValue, 'Print one account''s public keys, or the issuer''s, as a JWKS for gateways that verify tokens themselves')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the store over HTTP(S) for a team; requests authenticate with the accounts'' JWTs')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Print who the store thinks you are: account, username, groups, key')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage contexts in the config file: named stores with the account and key to use')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Issue, list, rename and revoke tokens that the store signs for an account')
            [CompletionResult]::new('issuer', 'issuer', [CompletionResultType]::ParameterValue, 'Show, set up and rotate the store''s token issuer')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Look after the store itself: copy a whole registry between stores (a backup, a move), bring a PostgreSQL store''s schema up to date')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a remote store with an issued token, kept in the current context')
            [CompletionResult]::new('options', 'options', [CompletionResultType]::ParameterValue, 'Print the global options, which every command takes (as `kubectl options`)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client''s version, commit and crypto engine, and with a remote store the server''s (`GET /version`, which needs no credentials)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;keygen' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the private key (PKCS#8 PEM, mode 0600) to PATH and the public key to PATH.pub [default: private key on stdout, which must not be a terminal]')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the private key (PKCS#8 PEM, mode 0600) to PATH and the public key to PATH.pub [default: private key on stdout, which must not be a terminal]')
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'Key size in bits (with two CPUs, two searches for the key run at once and the first key found is kept: the time of one search varies several-fold)')
            [CompletionResult]::new('--public-out', '--public-out', [CompletionResultType]::ParameterName, 'Where to write the public key (SPKI PEM) [default: PATH.pub with -o, else not written]')
            [CompletionResult]::new('--public-from', '--public-from', [CompletionResultType]::ParameterName, 'Do not generate: print (or write with --public-out) the public key of this private key')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--encrypt', '--encrypt', [CompletionResultType]::ParameterName, 'Encrypt the private key with a passphrase (PBES2: PBKDF2-SHA256 + AES-256-CBC)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite existing files')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;create' {
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Public key to register (SPKI or PKCS#1 PEM/DER) [default: generate a key pair and keep the private key in the keystore]')
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'Size of the generated key when --public-key is absent (two searches at once with two CPUs, as keygen)')
            [CompletionResult]::new('--alg', '--alg', [CompletionResultType]::ParameterName, 'The one algorithm the key signs with; its published JWK says so (RFC 8725 §3.1)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text shown by describe')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Groups the account belongs to (repeatable or comma-separated)')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Expiry: a date (2027-06-30), a timestamp (RFC 3339) or a duration from now (90d, 12h) [default: never]')
            [CompletionResult]::new('--impersonate', '--impersonate', [CompletionResultType]::ParameterName, 'Act for this directory user (Pomerium): the account''s tokens carry `sub` = USER_ID and `act: {"sub": <the account>}`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;get' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only the accounts whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only the accounts whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List accounts of every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List accounts of every namespace')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;describe' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'With no names, only the accounts whose labels match SELECTOR (the syntax of `get -l`)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'With no names, only the accounts whose labels match SELECTOR (the syntax of `get -l`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'With no names, the accounts of every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'With no names, the accounts of every namespace')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;delete' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print only the reference of what was deleted (with --dry-run: would be): name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print only the reference of what was deleted (with --dry-run: would be): name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;rename' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;disable' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;enable' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;update' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'New expiry: a date, an RFC 3339 timestamp or a duration from now')
            [CompletionResult]::new('--add-group', '--add-group', [CompletionResultType]::ParameterName, 'Add groups (repeatable or comma-separated)')
            [CompletionResult]::new('--remove-group', '--remove-group', [CompletionResultType]::ParameterName, 'Remove groups (repeatable or comma-separated)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set the label KEY=VALUE (repeatable; see `create --label`)')
            [CompletionResult]::new('--remove-label', '--remove-label', [CompletionResultType]::ParameterName, 'Remove the label KEY (repeatable)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-expires', '--no-expires', [CompletionResultType]::ParameterName, 'Remove the expiry date')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;key' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register another public key for an account')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List an account''s public keys')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove one of an account''s public keys; tokens it signed stop verifying')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;key;add' {
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Public key file to register')
            [CompletionResult]::new('--bits', '--bits', [CompletionResultType]::ParameterName, 'Size of the generated key (two searches at once with two CPUs, as keygen)')
            [CompletionResult]::new('--alg', '--alg', [CompletionResultType]::ParameterName, 'The one algorithm the key signs with; its published JWK says so (RFC 8725 §3.1)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Generate a key pair; keep the private key in the keystore')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;key;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;key;remove' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow removing the account''s last key')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;key;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register another public key for an account')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List an account''s public keys')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove one of an account''s public keys; tokens it signed stop verifying')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;key;help;add' {
            break
        }
        'svcacct;key;help;list' {
            break
        }
        'svcacct;key;help;remove' {
            break
        }
        'svcacct;key;help;help' {
            break
        }
        'svcacct;namespace' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List namespaces, or show some')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a namespace with its accounts, policies and child namespaces')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;namespace;create' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not create the default accounts and policies (through a server, creating them needs what their policies grant)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;namespace;get' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only the namespaces whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only the namespaces whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;namespace;delete' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print only the reference of what was deleted (with --dry-run: would be): name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print only the reference of what was deleted (with --dry-run: would be): name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;namespace;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List namespaces, or show some')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a namespace with its accounts, policies and child namespaces')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;namespace;help;create' {
            break
        }
        'svcacct;namespace;help;get' {
            break
        }
        'svcacct;namespace;help;delete' {
            break
        }
        'svcacct;namespace;help;help' {
            break
        }
        'svcacct;policy' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List policies')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show policies in detail')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete policies')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Add or remove subjects, actions and resources of a policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;policy;create' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Who: account reference or group:NAME (repeatable or comma-separated)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'What: e.g. get, create, `*` (repeatable or comma-separated)')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'On what: e.g. function, `image*`, `*` (repeatable or comma-separated)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text shown by describe')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'The policy applies in every namespace (instead of -n NS and its children)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;policy;get' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only the policies whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only the policies whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List policies of every namespace and the global ones')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List policies of every namespace and the global ones')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'The policy applies in every namespace (instead of -n NS and its children)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;policy;describe' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'With no names, only the policies whose labels match SELECTOR (the syntax of `policy get -l`)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'With no names, only the policies whose labels match SELECTOR (the syntax of `policy get -l`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'The policy applies in every namespace (instead of -n NS and its children)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;policy;delete' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print only the reference of what was deleted (with --dry-run: would be): name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print only the reference of what was deleted (with --dry-run: would be): name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'The policy applies in every namespace (instead of -n NS and its children)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;policy;update' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New description')
            [CompletionResult]::new('--add-subject', '--add-subject', [CompletionResultType]::ParameterName, 'Subjects to add (repeatable or comma-separated)')
            [CompletionResult]::new('--remove-subject', '--remove-subject', [CompletionResultType]::ParameterName, 'Subjects to remove')
            [CompletionResult]::new('--add-action', '--add-action', [CompletionResultType]::ParameterName, 'Actions to add')
            [CompletionResult]::new('--remove-action', '--remove-action', [CompletionResultType]::ParameterName, 'Actions to remove')
            [CompletionResult]::new('--add-resource', '--add-resource', [CompletionResultType]::ParameterName, 'Resources to add')
            [CompletionResult]::new('--remove-resource', '--remove-resource', [CompletionResultType]::ParameterName, 'Resources to remove')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Set the label KEY=VALUE (repeatable; see `policy create --label`)')
            [CompletionResult]::new('--remove-label', '--remove-label', [CompletionResultType]::ParameterName, 'Remove the label KEY (repeatable)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'The policy applies in every namespace (instead of -n NS and its children)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;policy;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List policies')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show policies in detail')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete policies')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Add or remove subjects, actions and resources of a policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;policy;help;create' {
            break
        }
        'svcacct;policy;help;get' {
            break
        }
        'svcacct;policy;help;describe' {
            break
        }
        'svcacct;policy;help;delete' {
            break
        }
        'svcacct;policy;help;update' {
            break
        }
        'svcacct;policy;help;help' {
            break
        }
        'svcacct;can-i' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The account asking: name or NS/NAME')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing; answer with the exit status only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing; answer with the exit status only')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print everything the account may do')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Ask about global policies only (what routes without a namespace, giving groups and impersonation need), instead of those that reach the namespace of -n')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;token' {
            [CompletionResult]::new('--kid', '--kid', [CompletionResultType]::ParameterName, 'Sign with the keystore key of this kid [default: the keystore''s current key] (not with --jwt-private-key); it may start with `-`')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime: e.g. 90s, 10m, 1h; at most the maximum token lifetime')
            [CompletionResult]::new('--alg', '--alg', [CompletionResultType]::ParameterName, 'Signature algorithm [default: the one the key is registered for (from a local store''s record or the keystore), else RS256]')
            [CompletionResult]::new('--aud', '--aud', [CompletionResultType]::ParameterName, 'Audience (repeatable)')
            [CompletionResult]::new('--claim', '--claim', [CompletionResultType]::ParameterName, 'Extra string claim (repeatable); registered claims cannot be overridden')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What to print')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--reuse', '--reuse', [CompletionResultType]::ParameterName, 'Print the token kept from an earlier --reuse for the same account, key, algorithm, TTL, audiences and claims while at least half of its lifetime remains; else mint one and keep it (see below)')
            [CompletionResult]::new('--no-reuse', '--no-reuse', [CompletionResultType]::ParameterName, 'Mint a new token even when the config file''s `token-reuse` is true')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;exec' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Keep the token in FILE (mode 0600), replaced at 80 % of each token''s lifetime (not `--token-file`: that global flag names the bearer token a remote store is called with)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Give the command the first token in environment variable VAR')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Request tokens for this audience from the registry (repeatable) instead of self-signed ones')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Each token''s lifetime [default: 10m self-signed, 1h requested]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;verify' {
            [CompletionResult]::new('--aud', '--aud', [CompletionResultType]::ParameterName, 'Require this audience')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;decode' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;jwks' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: json, yaml, jsonpath=TEMPLATE (e.g. ''{.keys[*].kid}'') or custom-columns=HEADER:PATH,...')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, yaml, jsonpath=TEMPLATE (e.g. ''{.keys[*].kid}'') or custom-columns=HEADER:PATH,...')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order the set''s `keys` by this JSONPath into each key (e.g. .kid), as --sort-by orders the items of a list')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'The issuer''s RSA keys instead: they verify the tokens it issues')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'No longer offered: a key set of several accounts lets each sign as the others')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'No longer offered: a key set of several accounts lets each sign as the others')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on; plain HTTP is refused on a non-loopback address unless --insecure-listen')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM certificate chain: serve HTTPS (with --tls-key)')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the certificate')
            [CompletionResult]::new('--max-token-lifetime', '--max-token-lifetime', [CompletionResultType]::ParameterName, 'Longest lifetime (exp - iat) of an accepted token [default: SVCACCT_MAX_TOKEN_LIFETIME, else the config file''s `max-token-lifetime`, else 1h]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Longest time a client may take to send a request (headers and body, each of which has at most 10s of it), and a handler to answer it')
            [CompletionResult]::new('--issuer-url', '--issuer-url', [CompletionResultType]::ParameterName, 'The issuer''s https URL: set in the store (created RS256 if it has none) unless it has it already; another URL there is refused (change it with `svcacct issuer set-url --force`)')
            [CompletionResult]::new('--max-requested-token-lifetime', '--max-requested-token-lifetime', [CompletionResultType]::ParameterName, 'Longest lifetime of a requested token (`svcacct tokens request`); a longer request is cut to it (at least --token-request-min-duration)')
            [CompletionResult]::new('--token-request-min-duration', '--token-request-min-duration', [CompletionResultType]::ParameterName, 'Shortest lifetime a token may be requested for (`expirationSeconds`; at least 1s). Keep Kubernetes'' 10m in production: a shorter one is for tests and demos of token renewal (`svcacct exec --audience A --ttl 10s`)')
            [CompletionResult]::new('--issuer-rotation-period', '--issuer-rotation-period', [CompletionResultType]::ParameterName, 'Rotate the issuer key by itself when it has signed for this long (e.g. 30d; at least 2s); the new key is published first for the JWKS''s max-age (5m unless `issuer set-jwks-max-age` changed it), or for half the period when that is shorter. Several servers on one store rotate once. An HS256 issuer is refused: its new secret comes from you')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--insecure-listen', '--insecure-listen', [CompletionResultType]::ParameterName, 'Serve plain HTTP on a non-loopback address (tokens cross the network in clear text)')
            [CompletionResult]::new('--unauthenticated-metrics', '--unauthenticated-metrics', [CompletionResultType]::ParameterName, 'Serve GET /metrics to anyone, without a token (by default it needs a policy allowing `get` on `metrics` globally)')
            [CompletionResult]::new('--no-ui', '--no-ui', [CompletionResultType]::ParameterName, 'Do not serve the web console (/ui/); the API alone')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;whoami' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;config' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts; the current one is marked with `*`')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the name of the current context')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Delete a context')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file''s settings and contexts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;config;set-context' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--current', '--current', [CompletionResultType]::ParameterName, 'Make it the current context too')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;config;use-context' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;config;get-contexts' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;config;current-context' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;config;delete-context' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;config;view' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;config;help' {
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts; the current one is marked with `*`')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the name of the current context')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Delete a context')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file''s settings and contexts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;config;help;set-context' {
            break
        }
        'svcacct;config;help;use-context' {
            break
        }
        'svcacct;config;help;get-contexts' {
            break
        }
        'svcacct;config;help;current-context' {
            break
        }
        'svcacct;config;help;delete-context' {
            break
        }
        'svcacct;config;help;view' {
            break
        }
        'svcacct;config;help;help' {
            break
        }
        'svcacct;tokens' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Issue a token for an account; it is printed once (the bare JWT on stdout, or with --out in a new file of mode 0600)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List an account''s issued tokens (never the tokens themselves)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an issued token: from now on it fails verification')
            [CompletionResult]::new('regenerate', 'regenerate', [CompletionResultType]::ParameterValue, 'Issue a new token under the same name (same audiences and lifetime) and revoke the old')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an issued token (the token itself does not change)')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Request a short-lived token for audiences, signed by the issuer and not stored')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;tokens;create' {
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'When it expires: a duration (90d, 1y), a date (2027-06-30), an RFC 3339 timestamp, or `never`')
            [CompletionResult]::new('--aud', '--aud', [CompletionResultType]::ParameterName, 'Audience (`aud`); repeatable')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the token to FILE, a new file of mode 0600 (never over an existing one), instead of stdout')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Label KEY=VALUE on the token''s record (repeatable; the syntax of `create --label`)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;tokens;list' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only the tokens whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only the tokens whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;tokens;revoke' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print only the reference of what was deleted (with --dry-run: would be): name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print only the reference of what was deleted (with --dry-run: would be): name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;tokens;regenerate' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;tokens;rename' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;tokens;request' {
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'An audience (`aud`) the token is for; repeatable, at least one')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long it lives [default: 1h]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;tokens;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Issue a token for an account; it is printed once (the bare JWT on stdout, or with --out in a new file of mode 0600)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List an account''s issued tokens (never the tokens themselves)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an issued token: from now on it fails verification')
            [CompletionResult]::new('regenerate', 'regenerate', [CompletionResultType]::ParameterValue, 'Issue a new token under the same name (same audiences and lifetime) and revoke the old')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an issued token (the token itself does not change)')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Request a short-lived token for audiences, signed by the issuer and not stored')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;tokens;help;create' {
            break
        }
        'svcacct;tokens;help;list' {
            break
        }
        'svcacct;tokens;help;revoke' {
            break
        }
        'svcacct;tokens;help;regenerate' {
            break
        }
        'svcacct;tokens;help;rename' {
            break
        }
        'svcacct;tokens;help;request' {
            break
        }
        'svcacct;tokens;help;help' {
            break
        }
        'svcacct;issuer' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the issuer: its id, algorithm and keys (never a secret)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the issuer before first use, e.g. to sign with an HMAC secret (HS256)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Start a new signing key; the old one verifies the tokens it signed until they expire')
            [CompletionResult]::new('set-url', 'set-url', [CompletionResultType]::ParameterValue, 'Set the https URL that the issuer''s tokens carry as `iss` and relying parties discover')
            [CompletionResult]::new('set-jwks-max-age', 'set-jwks-max-age', [CompletionResultType]::ParameterValue, 'Set how long relying parties may cache the issuer''s JWKS (its max-age; 5m by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;issuer;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;issuer;init' {
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'algorithm')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'File holding the HS256 secret (`-` for stdin)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The https URL its tokens carry as `iss` (RS256 only; see `svcacct issuer set-url`)')
            [CompletionResult]::new('--jwks-max-age', '--jwks-max-age', [CompletionResultType]::ParameterName, 'How long relying parties may cache its JWKS, which rotation follows (RS256 only; see `svcacct issuer set-jwks-max-age`) [default: 5m]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;issuer;rotate' {
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'File holding the new HS256 secret (`-` for stdin); an HS256 issuer needs one')
            [CompletionResult]::new('--publish-first', '--publish-first', [CompletionResultType]::ParameterName, 'Publish the new key in the JWKS this long before it signs (the current key signs until then), so that verifiers caching the JWKS have it before they meet its tokens; 0 signs at once [default: the JWKS''s max-age (5m unless `issuer set-jwks-max-age` changed it) for RS256; 0 with --revoke-previous]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--revoke-previous', '--revoke-previous', [CompletionResultType]::ParameterName, 'Remove every earlier key at once (from the JWKS too) and revoke every token they signed: what a leaked key calls for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;issuer;set-url' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a URL the issuer has already: tokens that carry the old one stop verifying')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;issuer;set-jwks-max-age' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be created, changed or deleted, and write nothing: no record, no key in the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a local store and --dry-run=server on a server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the object as written (with --dry-run: as it would be) instead of the line that says what was done: json, yaml or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;issuer;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the issuer: its id, algorithm and keys (never a secret)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the issuer before first use, e.g. to sign with an HMAC secret (HS256)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Start a new signing key; the old one verifies the tokens it signed until they expire')
            [CompletionResult]::new('set-url', 'set-url', [CompletionResultType]::ParameterValue, 'Set the https URL that the issuer''s tokens carry as `iss` and relying parties discover')
            [CompletionResult]::new('set-jwks-max-age', 'set-jwks-max-age', [CompletionResultType]::ParameterValue, 'Set how long relying parties may cache the issuer''s JWKS (its max-age; 5m by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;issuer;help;get' {
            break
        }
        'svcacct;issuer;help;init' {
            break
        }
        'svcacct;issuer;help;rotate' {
            break
        }
        'svcacct;issuer;help;set-url' {
            break
        }
        'svcacct;issuer;help;set-jwks-max-age' {
            break
        }
        'svcacct;issuer;help;help' {
            break
        }
        'svcacct;store' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every record of one store into another, empty one: accounts and their keys, policies, namespaces, the issuer and its private keys, issued-token records')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring a PostgreSQL store''s schema up to the version this svcacct needs (creates it in an empty database); a store at that version already is left as it is')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;store;copy' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The store to copy from (a folder, or a postgres:// database)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to copy into (a folder, made by the copy when it does not exist; or a postgres:// database whose schema `store migrate` made)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Replace whatever the destination holds: its records are removed and the source''s written, in one transaction, so that it becomes a copy of the source')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;store;migrate' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;store;help' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every record of one store into another, empty one: accounts and their keys, policies, namespaces, the issuer and its private keys, issued-token records')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring a PostgreSQL store''s schema up to the version this svcacct needs (creates it in an empty database); a store at that version already is left as it is')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;store;help;copy' {
            break
        }
        'svcacct;store;help;migrate' {
            break
        }
        'svcacct;store;help;help' {
            break
        }
        'svcacct;login' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;options' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;completions' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;version' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Order a list by this JSONPath into each item of the document -o json prints (e.g. .created or ''{.name}''; what it finds nowhere is an error)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Registry: a folder (the local file store, made by its first write; commands that only read refuse a named one that does not exist), a PostgreSQL database (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x, https;//x and a value with whitespace at either end are refused: ./NAME for a folder of such a name) [default: the context''s store, else $XDG_DATA_HOME/svcacct/store]')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the command [default: default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Named context of the config file to use (store, account, key, namespace) [default: the config file''s `current-context`]')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'With a remote store: the account that signs each request''s token (name or NS/NAME)')
            [CompletionResult]::new('--jwt-private-key', '--jwt-private-key', [CompletionResultType]::ParameterName, 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context''s or config file''s `jwt-private-key`, else the keystore''s key for the account]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct')
            [CompletionResult]::new('--issuer-kek-file', '--issuer-kek-file', [CompletionResultType]::ParameterName, 'With a postgres:// store: file (mode 0600) of the key that encrypts the issuer''s keys in the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client''s version only: no request to a remote store (as `kubectl version --client`)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header of tables and custom columns')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to a remote store on stderr: method, URL, status, time taken, retries; twice (-vv) also the answer''s headers. Never a token, key or secret. Without -v, SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v wins over it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'svcacct;help' {
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Generate an RSA key pair, or derive the public key of a private key')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Register a service account')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List service accounts')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show service accounts in detail: keys, groups, labels and the policies that name them')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete service accounts (and their private keys in the local keystore)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a service account; tokens minted under the old name stop verifying')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a service account: its tokens stop verifying until it is enabled')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled service account')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a service account''s description, expiry, groups or labels')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Add, list and remove an account''s public keys (key rotation)')
            [CompletionResult]::new('namespace', 'namespace', [CompletionResultType]::ParameterValue, 'Create, list and delete namespaces (with their default accounts and policies)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Create, list, change and delete policies')
            [CompletionResult]::new('can-i', 'can-i', [CompletionResultType]::ParameterValue, 'Ask whether an account may do an action on a resource')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Mint a short-lived JWT for an account (offline: needs no server)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with a token that is kept fresh until it exits')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a token against the registry and say who it is')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Print a token''s header and claims without verifying anything')
            [CompletionResult]::new('jwks', 'jwks', [CompletionResultType]::ParameterValue, 'Print one account''s public keys, or the issuer''s, as a JWKS for gateways that verify tokens themselves')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the store over HTTP(S) for a team; requests authenticate with the accounts'' JWTs')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Print who the store thinks you are: account, username, groups, key')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage contexts in the config file: named stores with the account and key to use')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Issue, list, rename and revoke tokens that the store signs for an account')
            [CompletionResult]::new('issuer', 'issuer', [CompletionResultType]::ParameterValue, 'Show, set up and rotate the store''s token issuer')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Look after the store itself: copy a whole registry between stores (a backup, a move), bring a PostgreSQL store''s schema up to date')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a remote store with an issued token, kept in the current context')
            [CompletionResult]::new('options', 'options', [CompletionResultType]::ParameterValue, 'Print the global options, which every command takes (as `kubectl options`)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client''s version, commit and crypto engine, and with a remote store the server''s (`GET /version`, which needs no credentials)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'svcacct;help;keygen' {
            break
        }
        'svcacct;help;create' {
            break
        }
        'svcacct;help;get' {
            break
        }
        'svcacct;help;describe' {
            break
        }
        'svcacct;help;delete' {
            break
        }
        'svcacct;help;rename' {
            break
        }
        'svcacct;help;disable' {
            break
        }
        'svcacct;help;enable' {
            break
        }
        'svcacct;help;update' {
            break
        }
        'svcacct;help;key' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register another public key for an account')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List an account''s public keys')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove one of an account''s public keys; tokens it signed stop verifying')
            break
        }
        'svcacct;help;key;add' {
            break
        }
        'svcacct;help;key;list' {
            break
        }
        'svcacct;help;key;remove' {
            break
        }
        'svcacct;help;namespace' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List namespaces, or show some')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a namespace with its accounts, policies and child namespaces')
            break
        }
        'svcacct;help;namespace;create' {
            break
        }
        'svcacct;help;namespace;get' {
            break
        }
        'svcacct;help;namespace;delete' {
            break
        }
        'svcacct;help;policy' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List policies')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show policies in detail')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete policies')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Add or remove subjects, actions and resources of a policy')
            break
        }
        'svcacct;help;policy;create' {
            break
        }
        'svcacct;help;policy;get' {
            break
        }
        'svcacct;help;policy;describe' {
            break
        }
        'svcacct;help;policy;delete' {
            break
        }
        'svcacct;help;policy;update' {
            break
        }
        'svcacct;help;can-i' {
            break
        }
        'svcacct;help;token' {
            break
        }
        'svcacct;help;exec' {
            break
        }
        'svcacct;help;verify' {
            break
        }
        'svcacct;help;decode' {
            break
        }
        'svcacct;help;jwks' {
            break
        }
        'svcacct;help;serve' {
            break
        }
        'svcacct;help;whoami' {
            break
        }
        'svcacct;help;config' {
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List the contexts; the current one is marked with `*`')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the name of the current context')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Delete a context')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file''s settings and contexts')
            break
        }
        'svcacct;help;config;set-context' {
            break
        }
        'svcacct;help;config;use-context' {
            break
        }
        'svcacct;help;config;get-contexts' {
            break
        }
        'svcacct;help;config;current-context' {
            break
        }
        'svcacct;help;config;delete-context' {
            break
        }
        'svcacct;help;config;view' {
            break
        }
        'svcacct;help;tokens' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Issue a token for an account; it is printed once (the bare JWT on stdout, or with --out in a new file of mode 0600)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List an account''s issued tokens (never the tokens themselves)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an issued token: from now on it fails verification')
            [CompletionResult]::new('regenerate', 'regenerate', [CompletionResultType]::ParameterValue, 'Issue a new token under the same name (same audiences and lifetime) and revoke the old')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an issued token (the token itself does not change)')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Request a short-lived token for audiences, signed by the issuer and not stored')
            break
        }
        'svcacct;help;tokens;create' {
            break
        }
        'svcacct;help;tokens;list' {
            break
        }
        'svcacct;help;tokens;revoke' {
            break
        }
        'svcacct;help;tokens;regenerate' {
            break
        }
        'svcacct;help;tokens;rename' {
            break
        }
        'svcacct;help;tokens;request' {
            break
        }
        'svcacct;help;issuer' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the issuer: its id, algorithm and keys (never a secret)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the issuer before first use, e.g. to sign with an HMAC secret (HS256)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Start a new signing key; the old one verifies the tokens it signed until they expire')
            [CompletionResult]::new('set-url', 'set-url', [CompletionResultType]::ParameterValue, 'Set the https URL that the issuer''s tokens carry as `iss` and relying parties discover')
            [CompletionResult]::new('set-jwks-max-age', 'set-jwks-max-age', [CompletionResultType]::ParameterValue, 'Set how long relying parties may cache the issuer''s JWKS (its max-age; 5m by default)')
            break
        }
        'svcacct;help;issuer;get' {
            break
        }
        'svcacct;help;issuer;init' {
            break
        }
        'svcacct;help;issuer;rotate' {
            break
        }
        'svcacct;help;issuer;set-url' {
            break
        }
        'svcacct;help;issuer;set-jwks-max-age' {
            break
        }
        'svcacct;help;store' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every record of one store into another, empty one: accounts and their keys, policies, namespaces, the issuer and its private keys, issued-token records')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring a PostgreSQL store''s schema up to the version this svcacct needs (creates it in an empty database); a store at that version already is left as it is')
            break
        }
        'svcacct;help;store;copy' {
            break
        }
        'svcacct;help;store;migrate' {
            break
        }
        'svcacct;help;login' {
            break
        }
        'svcacct;help;options' {
            break
        }
        'svcacct;help;completions' {
            break
        }
        'svcacct;help;version' {
            break
        }
        'svcacct;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
