# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_svcacct_global_optspecs
    string join \n store= keystore= n/namespace= config= passphrase-file= context= service-account= jwt-private-key= token-file= ca-cert= h/help V/version
end

function __fish_svcacct_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_svcacct_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_svcacct_using_subcommand
    set -l cmd (__fish_svcacct_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c svcacct -n "__fish_svcacct_needs_command" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_needs_command" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_needs_command" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_needs_command" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_needs_command" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_needs_command" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_needs_command" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_needs_command" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_needs_command" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_needs_command" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_needs_command" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "keygen" -d 'Generate an RSA key pair, or derive the public key of a private key'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "create" -d 'Register a service account'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "get" -d 'List service accounts'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "describe" -d 'Show one service account in detail: keys, groups and the policies that name it'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "delete" -d 'Delete service accounts (and their private keys in the local keystore)'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "rename" -d 'Rename a service account; tokens minted under the old name stop verifying'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "disable" -d 'Disable a service account: its tokens stop verifying until it is enabled'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "enable" -d 'Enable a disabled service account'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "update" -d 'Change a service account\'s description, expiry or groups'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "key" -d 'Add, list and remove an account\'s public keys (key rotation)'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "namespace" -d 'Create, list and delete namespaces (with their default accounts and policies)'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "policy" -d 'Create, list, change and delete policies'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "can-i" -d 'Ask whether an account may do an action on a resource'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "token" -d 'Mint a short-lived JWT for an account (offline: needs no server)'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "verify" -d 'Verify a token against the registry and say who it is'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "decode" -d 'Print a token\'s header and claims without verifying anything'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "jwks" -d 'Print the JWKS of active public keys, for gateways that verify tokens themselves'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "serve" -d 'Serve the store over HTTP(S) for a team; requests authenticate with the accounts\' JWTs'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "whoami" -d 'Print who the store thinks you are: account, username, groups, key'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "config" -d 'Manage contexts in the config file: named stores with the account and key to use'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c svcacct -n "__fish_svcacct_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -s o -l out -d 'Write the private key (PKCS#8 PEM, mode 0600) to PATH and the public key to PATH.pub [default: private key on stdout, which must not be a terminal]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l bits -d 'Key size in bits' -r -f -a "2048\t''
3072\t''
4096\t''"
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l public-out -d 'Where to write the public key (SPKI PEM) [default: PATH.pub with -o, else not written]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l public-from -d 'Do not generate: print (or write with --public-out) the public key of this private key' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l encrypt -d 'Encrypt the private key with a passphrase (PBES2: PBKDF2-SHA256 + AES-256-CBC)'
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -l force -d 'Overwrite existing files'
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand keygen" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l public-key -d 'Public key to register (SPKI or PKCS#1 PEM/DER) [default: generate a key pair and keep the private key in the keystore]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l bits -d 'Size of the generated key when --public-key is absent' -r -f -a "2048\t''
3072\t''
4096\t''"
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l description -d 'Free text shown by describe' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l group -d 'Groups the account belongs to (repeatable or comma-separated)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l expires -d 'Expiry: a date (2027-06-30), a timestamp (RFC 3339) or a duration from now (90d, 12h) [default: never]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l impersonate -d 'Act for this directory user (Pomerium): the account\'s tokens carry `sub` = USER_ID and `act: {"sub": <the account>}`' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand create" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -s A -l all-namespaces -d 'List accounts of every namespace'
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand get" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand describe" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand delete" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand rename" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand disable" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand enable" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l description -d 'New description' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l expires -d 'New expiry: a date, an RFC 3339 timestamp or a duration from now' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l add-group -d 'Add groups (repeatable or comma-separated)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l remove-group -d 'Remove groups (repeatable or comma-separated)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -l no-expires -d 'Remove the expiry date'
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand update" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -f -a "add" -d 'Register another public key for an account'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -f -a "list" -d 'List an account\'s public keys'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -f -a "remove" -d 'Remove one of an account\'s public keys; tokens it signed stop verifying'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and not __fish_seen_subcommand_from add list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l public-key -d 'Public key file to register' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l bits -d 'Size of the generated key' -r -f -a "2048\t''
3072\t''
4096\t''"
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -l generate -d 'Generate a key pair; keep the private key in the keystore'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -l force -d 'Allow removing the account\'s last key'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "add" -d 'Register another public key for an account'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list" -d 'List an account\'s public keys'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove one of an account\'s public keys; tokens it signed stop verifying'
complete -c svcacct -n "__fish_svcacct_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -f -a "create" -d 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -f -a "get" -d 'List namespaces, or show some'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -f -a "delete" -d 'Delete a namespace with its accounts, policies and child namespaces'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and not __fish_seen_subcommand_from create get delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -l no-defaults -d 'Do not create the default accounts and policies'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "get" -d 'List namespaces, or show some'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a namespace with its accounts, policies and child namespaces'
complete -c svcacct -n "__fish_svcacct_using_subcommand namespace; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -f -a "create" -d 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -f -a "get" -d 'List policies'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -f -a "describe" -d 'Show one policy in detail'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -f -a "delete" -d 'Delete policies'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -f -a "update" -d 'Add or remove subjects, actions and resources of a policy'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and not __fish_seen_subcommand_from create get describe delete update help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l subject -d 'Who: account reference or group:NAME (repeatable or comma-separated)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l action -d 'What: e.g. get, create, `*` (repeatable or comma-separated)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l resource -d 'On what: e.g. function, `image*`, `*` (repeatable or comma-separated)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l description -d 'Free text shown by describe' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -l global -d 'The policy applies in every namespace (instead of -n NS and its children)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -s A -l all-namespaces -d 'List policies of every namespace and the global ones'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -l global -d 'The policy applies in every namespace (instead of -n NS and its children)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -l global -d 'The policy applies in every namespace (instead of -n NS and its children)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -l global -d 'The policy applies in every namespace (instead of -n NS and its children)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l description -d 'New description' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l add-subject -d 'Subjects to add (repeatable or comma-separated)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l remove-subject -d 'Subjects to remove' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l add-action -d 'Actions to add' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l remove-action -d 'Actions to remove' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l add-resource -d 'Resources to add' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l remove-resource -d 'Resources to remove' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -l global -d 'The policy applies in every namespace (instead of -n NS and its children)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "get" -d 'List policies'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show one policy in detail'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete policies'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "update" -d 'Add or remove subjects, actions and resources of a policy'
complete -c svcacct -n "__fish_svcacct_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l as -d 'The account asking: name or NS/NAME' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -s q -l quiet -d 'Print nothing; answer with the exit status only'
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -l list -d 'Print everything the account may do'
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand can-i" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l kid -d 'Sign with the keystore key of this kid [default: the keystore\'s current key] (not with --jwt-private-key)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l ttl -d 'Lifetime: e.g. 90s, 10m, 1h; at most the maximum token lifetime' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l alg -d 'Signature algorithm' -r -f -a "RS256\t''
RS384\t''
RS512\t''"
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l aud -d 'Audience (repeatable)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l claim -d 'Extra string claim (repeatable); registered claims cannot be overridden' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -s o -l output -d 'What to print' -r -f -a "jwt\t'The bare JWT'
json\t'JSON with the token, its kid and expiry'
header\t'`Authorization: Bearer <jwt>`'"
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand token" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l aud -d 'Require this audience' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand verify" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand decode" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l alg -d 'The `alg` each key advertises (strict verifiers accept only that algorithm)' -r -f -a "RS256\t''
RS384\t''
RS512\t''"
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -s A -l all-namespaces -d 'Keys of every namespace'
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand jwks" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l listen -d 'Address to listen on; plain HTTP is refused on a non-loopback address unless --insecure-listen' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l tls-cert -d 'PEM certificate chain: serve HTTPS (with --tls-key)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l tls-key -d 'PEM private key of the certificate' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l max-token-lifetime -d 'Longest lifetime (exp - iat) of an accepted token [default: SVCACCT_MAX_TOKEN_LIFETIME, else the config file\'s `max-token-lifetime`, else 1h]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l request-timeout -d 'Longest time a client may take to send a request (headers and body), and a handler to answer it' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -l insecure-listen -d 'Serve plain HTTP on a non-loopback address (tokens cross the network in clear text)'
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand serve" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -f -a "set-context" -d 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -f -a "use-context" -d 'Make a context the current one'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -f -a "get-contexts" -d 'List the contexts; the current one is marked with `*`'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -f -a "current-context" -d 'Print the name of the current context'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -f -a "delete-context" -d 'Delete a context'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -f -a "view" -d 'Print the config file\'s settings and contexts'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context delete-context view help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -l current -d 'Make it the current context too'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from set-context" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from use-context" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from current-context" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format' -r -f -a "table\t'Human table (dates in local time)'
wide\t'Table with more columns'
json\t'Stable JSON documented in the README (RFC 3339 dates)'
name\t'Just the references, one per line'"
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set-context" -d 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use-context" -d 'Make a context the current one'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get-contexts" -d 'List the contexts; the current one is marked with `*`'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "current-context" -d 'Print the name of the current context'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "delete-context" -d 'Delete a context'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'Print the config file\'s settings and contexts'
complete -c svcacct -n "__fish_svcacct_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l store -d 'Registry: a folder (the local file store), or the URL of a `svcacct serve` (https://host:port, or http:// on loopback) [default: the context\'s store, else $XDG_DATA_HOME/svcacct/store]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l keystore -d 'Folder of the local private keys that `create` and `key add --generate` make [default: $XDG_DATA_HOME/svcacct/keys]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -s n -l namespace -d 'Namespace of the command [default: default]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l config -d 'Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l passphrase-file -d 'File whose first line is the passphrase of encrypted private keys (else SVCACCT_PASSPHRASE, else a prompt on a terminal)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l context -d 'Named context of the config file to use (store, account, key, namespace) [default: the config file\'s `current-context`]' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l service-account -d 'With a remote store: the account that signs each request\'s token (name or NS/NAME)' -r
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l jwt-private-key -d 'Private key that signs tokens: those `token` prints and, with a remote store, those sent with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the context\'s or config file\'s `jwt-private-key`, else the keystore\'s key for the account]' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l token-file -d 'With a remote store: a file holding a ready bearer token to send instead of signing one (else SVCACCT_TOKEN holds the token itself)' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -l ca-cert -d 'With an https:// store: PEM file of the certificate authorities to trust, instead of the Mozilla roots built into svcacct' -r -F
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -s h -l help -d 'Print help'
complete -c svcacct -n "__fish_svcacct_using_subcommand completions" -s V -l version -d 'Print version'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "keygen" -d 'Generate an RSA key pair, or derive the public key of a private key'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "create" -d 'Register a service account'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "get" -d 'List service accounts'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "describe" -d 'Show one service account in detail: keys, groups and the policies that name it'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "delete" -d 'Delete service accounts (and their private keys in the local keystore)'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "rename" -d 'Rename a service account; tokens minted under the old name stop verifying'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "disable" -d 'Disable a service account: its tokens stop verifying until it is enabled'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "enable" -d 'Enable a disabled service account'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "update" -d 'Change a service account\'s description, expiry or groups'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "key" -d 'Add, list and remove an account\'s public keys (key rotation)'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "namespace" -d 'Create, list and delete namespaces (with their default accounts and policies)'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "policy" -d 'Create, list, change and delete policies'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "can-i" -d 'Ask whether an account may do an action on a resource'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "token" -d 'Mint a short-lived JWT for an account (offline: needs no server)'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "verify" -d 'Verify a token against the registry and say who it is'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "decode" -d 'Print a token\'s header and claims without verifying anything'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "jwks" -d 'Print the JWKS of active public keys, for gateways that verify tokens themselves'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "serve" -d 'Serve the store over HTTP(S) for a team; requests authenticate with the accounts\' JWTs'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "whoami" -d 'Print who the store thinks you are: account, username, groups, key'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "config" -d 'Manage contexts in the config file: named stores with the account and key to use'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and not __fish_seen_subcommand_from keygen create get describe delete rename disable enable update key namespace policy can-i token verify decode jwks serve whoami config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "add" -d 'Register another public key for an account'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list" -d 'List an account\'s public keys'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "remove" -d 'Remove one of an account\'s public keys; tokens it signed stop verifying'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from namespace" -f -a "create" -d 'Create a namespace; its parent must exist. Also makes the default accounts builder, deployer and default, and the policies image-builders, deployers and image-pullers'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from namespace" -f -a "get" -d 'List namespaces, or show some'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from namespace" -f -a "delete" -d 'Delete a namespace with its accounts, policies and child namespaces'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "create" -d 'Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "get" -d 'List policies'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "describe" -d 'Show one policy in detail'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "delete" -d 'Delete policies'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "update" -d 'Add or remove subjects, actions and resources of a policy'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set-context" -d 'Create or change a context; takes the global --store, --service-account, --jwt-private-key, --token-file, --ca-cert and -n given on this command line'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use-context" -d 'Make a context the current one'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get-contexts" -d 'List the contexts; the current one is marked with `*`'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "current-context" -d 'Print the name of the current context'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "delete-context" -d 'Delete a context'
complete -c svcacct -n "__fish_svcacct_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'Print the config file\'s settings and contexts'
