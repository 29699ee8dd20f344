import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { AppServer, freePort, tempDataDir } from "./support/app-server";

// AUTH_MODE=header: behind an access proxy the identity is a signed JWT,
// verified against the proxy's JWKS and audience. A bare or badly signed
// header is refused.

let jwks: http.Server;
let server: AppServer;
let signingKey: CryptoKey;
let otherKey: CryptoKey;
const HEADER = "cf-access-jwt-assertion";

test.beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair("RS256")).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  jwks = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  server = new AppServer(await freePort(), tempDataDir(), {
    AUTH_MODE: "header",
    AUTH_HEADER_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`,
    AUTH_HEADER_AUDIENCE: "playground-aud",
  });
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
  jwks.close();
});

const token = (key: CryptoKey, claims: Record<string, unknown> = {}, audience = "playground-aud") =>
  new SignJWT({ email: "grace@example.com", name: "Grace", ...claims }).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuedAt().setExpirationTime("5m").setAudience(audience).sign(key);

const me = (value?: string) => fetch(`${server.url}/api/me`, { headers: value ? { [HEADER]: value } : {} });

test("a JWT signed by the proxy's key signs in; the first identity owns the instance", async () => {
  const response = await me(await token(signingKey));
  expect(response.status).toBe(200);
  expect((await response.json()).user).toMatchObject({ email: "grace@example.com", name: "Grace", role: "owner" });
  const second = await me(await token(signingKey, { email: "lin@example.com", name: "Lin" }));
  expect((await second.json()).user).toMatchObject({ email: "lin@example.com", role: "member" });
});

test("an unsigned, wrongly signed, expired or wrong-audience token is refused", async () => {
  expect((await me()).status).toBe(401);
  expect((await me("grace@example.com")).status).toBe(401);
  const unsigned = new UnsecuredJWT({ email: "grace@example.com" }).setAudience("playground-aud").setExpirationTime("5m").encode();
  expect((await me(unsigned)).status).toBe(401);
  expect((await me(await token(otherKey))).status).toBe(401);
  expect((await me(await token(signingKey, {}, "someone-else"))).status).toBe(401);
  const expired = await new SignJWT({ email: "grace@example.com" }).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuedAt(1_700_000_000).setExpirationTime(1_700_000_060).setAudience("playground-aud").sign(signingKey);
  const refused = await me(expired);
  expect(refused.status).toBe(401);
  expect((await refused.json()).error.code).toBe("invalid_identity");
});

test("pages load for a verified identity and are refused without one", async ({ page }) => {
  await page.setExtraHTTPHeaders({ [HEADER]: await token(signingKey) });
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId("composer-input")).toBeVisible();
  await expect(page.getByTestId("user-role")).toHaveText("owner");
});

test("behind oauth2-proxy the ID token arrives as the bearer (AUTH_HEADER_NAME=authorization); API keys still work beside it", async () => {
  const proxied = new AppServer(await freePort(), tempDataDir(), {
    AUTH_MODE: "header",
    AUTH_HEADER_NAME: "authorization",
    AUTH_HEADER_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`,
    AUTH_HEADER_AUDIENCE: "playground-aud",
  });
  await proxied.start();
  try {
    const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
    const signedIn = await fetch(`${proxied.url}/api/me`, { headers: bearer(await token(signingKey)) });
    expect(signedIn.status).toBe(200);
    expect((await signedIn.json()).user).toMatchObject({ email: "grace@example.com", role: "owner" });
    expect((await fetch(`${proxied.url}/api/me`, { headers: bearer(await token(otherKey)) })).status).toBe(401);

    const created = await fetch(`${proxied.url}/api/keys`, { method: "POST", headers: { ...bearer(await token(signingKey)), "content-type": "application/json", origin: proxied.url }, body: JSON.stringify({ name: "script" }) });
    expect(created.status).toBe(201);
    const { key } = await created.json();
    const viaKey = await fetch(`${proxied.url}/api/v1/models`, { headers: bearer(key) });
    expect(viaKey.status).toBe(200);
  } finally {
    await proxied.stop();
  }
});
