// Verifies a JWT as an OIDC relying party that uses node `jose` would: discovery first
// (`ISSUER/.well-known/openid-configuration`, whose `issuer` must be ISSUER), then the key set
// its `jwks_uri` names (`createRemoteJWKSet`), and `jwtVerify` with the issuer and the audience
// required. A test CA comes from NODE_EXTRA_CA_CERTS.
// Usage: node oidc.mjs ISSUER AUDIENCE TOKEN
// Prints `ok <sub>` and exits 0, or `refused <code>` and exits 1.
import { createRemoteJWKSet, jwtVerify } from "jose";

const [issuer, audience, token] = process.argv.slice(2);
const res = await fetch(`${issuer}/.well-known/openid-configuration`);
const doc = await res.json();
if (doc.issuer !== issuer) {
  console.log(`refused issuer-mismatch ${doc.issuer}`);
  process.exit(1);
}
const jwks = createRemoteJWKSet(new URL(doc.jwks_uri));
try {
  const { payload } = await jwtVerify(token, jwks, {
    issuer,
    audience,
    algorithms: doc.id_token_signing_alg_values_supported,
  });
  console.log(`ok ${payload.sub}`);
} catch (e) {
  console.log(`refused ${e.code ?? e.name}`);
  process.exit(1);
}
