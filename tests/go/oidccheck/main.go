// Verifies a JWT as kube-apiserver's OIDC authenticator does, with go-oidc (Debian's
// golang-github-coreos-go-oidc-dev): discovery at ISSUER/.well-known/openid-configuration
// (its `issuer` must be ISSUER), keys from its `jwks_uri`, then the signature, `iss`, `aud`
// (the client id) and `exp`. A test CA comes from SSL_CERT_FILE.
// Usage: oidccheck ISSUER AUDIENCE TOKEN
// Prints `ok <sub>` and exits 0, or `refused <why>` and exits 1 (2: discovery failed).
package main

import (
	"context"
	"fmt"
	"os"

	oidc "github.com/coreos/go-oidc"
)

func main() {
	issuer, audience, token := os.Args[1], os.Args[2], os.Args[3]
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		fmt.Printf("discovery failed: %v\n", err)
		os.Exit(2)
	}
	verifier := provider.Verifier(&oidc.Config{ClientID: audience})
	idToken, err := verifier.Verify(ctx, token)
	if err != nil {
		fmt.Printf("refused %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("ok %s\n", idToken.Subject)
}
