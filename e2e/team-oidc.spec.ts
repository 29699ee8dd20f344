import { OAuth2Server } from "oauth2-mock-server";
import type { AppServer } from "./support/app-server";
import { expect, test } from "./support/csp-guard";
import { startTeamServer } from "./support/team";

// Single sign-on end to end in Chromium against a real OpenID Connect issuer
// (oauth2-mock-server on 127.0.0.1): discovery, PKCE, the id token verified
// against the issuer's JWKS, and the group claim mapped to a role at every sign-in.

let idp: OAuth2Server;
let server: AppServer;
let groups = ["platform-admins"];

test.beforeAll(async () => {
  idp = new OAuth2Server();
  await idp.issuer.keys.generate("RS256");
  await idp.start(0, "127.0.0.1");
  // The mock names itself "localhost"; the browser must reach it on the address it listens on.
  idp.issuer.url = `http://127.0.0.1:${idp.address().port}`;
  const claims = () => ({ sub: "ada-1", email: "ada@example.com", email_verified: true, name: "Ada Sso", groups });
  idp.service.on("beforeTokenSigning", (token) => Object.assign(token.payload, claims()));
  idp.service.on("beforeUserinfo", (userInfo) => {
    userInfo.body = claims();
  });
  server = await startTeamServer({
    AUTH_MODE: "oidc",
    OIDC_ISSUER: idp.issuer.url!,
    OIDC_CLIENT_ID: "playground",
    OIDC_CLIENT_SECRET: "playground-secret",
    OIDC_NAME: "Example SSO",
    OIDC_ROLE_CLAIM: "groups",
    OIDC_ROLE_MAP: "platform-admins=admin,ml-team=member",
    OIDC_DEFAULT_ROLE: "viewer",
  });
});
test.afterAll(async () => {
  await server.stop();
  await idp.stop();
});

test("sign in with the identity provider; the group claim decides the role at every sign-in", async ({ page }) => {
  await page.goto(`${server.url}/history`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhistory/);
  // The init owner keeps a password sign-in beside single sign-on.
  await expect(page.getByTestId("sign-in-form")).toBeVisible();
  await page.getByTestId("sign-in-oidc").click();
  await expect(page).toHaveURL(`${server.url}/history`);
  await expect(page.getByTestId("user-name")).toHaveText("Ada Sso");
  await expect(page.getByTestId("user-role")).toHaveText("admin");

  groups = ["ml-team"];
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByTestId("sign-in-oidc").click();
  await expect(page.getByTestId("user-role")).toHaveText("member");

  groups = ["somebody-else"];
  await page.getByTestId("sign-out").click();
  await page.getByTestId("sign-in-oidc").click();
  await expect(page.getByTestId("user-role")).toHaveText("viewer");
  const me = await (await page.request.get(`${server.url}/api/me`)).json();
  expect(me.user).toMatchObject({ email: "ada@example.com", role: "viewer" });
});
