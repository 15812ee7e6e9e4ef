// Verifies a JWT as a gateway that uses node `jose` would: the key set fetched from a URL
// (`createRemoteJWKSet`), the issuer required (`jwtVerify(…, { issuer })`).
// Usage: node verify.mjs JWKS_URL ISSUER TOKEN
// Prints `ok <alg> <sub>` and exits 0, or `refused <code>` and exits 1.
import { createRemoteJWKSet, jwtVerify } from "jose";

const [url, issuer, token] = process.argv.slice(2);
const jwks = createRemoteJWKSet(new URL(url));
try {
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    issuer,
    algorithms: ["RS256", "RS384", "RS512"],
  });
  console.log(`ok ${protectedHeader.alg} ${payload.sub}`);
} catch (e) {
  console.log(`refused ${e.code ?? e.name}`);
  process.exit(1);
}
