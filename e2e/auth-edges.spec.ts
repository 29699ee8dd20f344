import { expect, test } from "@playwright/test";
import { client, OWNER, startTeamServer } from "./support/team";

// The sign-in edges an attacker tries first: where the browser goes after
// signing in, and whether any JSON body hands out a session token.

test("no response carries a session token, and post-sign-in redirects stay on this site", async () => {
  const server = await startTeamServer();
  try {
    const api = await client(server.url);
    const signIn = await api.post("/api/auth/sign-in/email", { data: { email: OWNER.email, password: OWNER.password } });
    expect(signIn.status()).toBe(200);
    expect(await signIn.text()).not.toMatch(/"token"/);
    const sessions = await api.get("/api/auth/list-sessions");
    expect(sessions.status()).toBe(200);
    const listed = (await sessions.json()) as Record<string, unknown>[];
    expect(listed.length).toBeGreaterThan(0);
    for (const session of listed) expect(session).not.toHaveProperty("token");
    expect(await (await api.get("/api/auth/get-session")).text()).not.toMatch(/"token"/);

    // Signed in, /sign-in forwards to `next`: only ever to a path on this site.
    for (const next of ["%2F%09%2Fevil.example", "%2F%0D%0A%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example"]) {
      const response = await api.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), next).toBeLessThan(400);
      const location = response.headers().location ?? "";
      expect(location, next).not.toContain("evil.example");
    }
    const ok = await api.get("/sign-in?next=%2Fhistory%3Fq%3Dx", { maxRedirects: 0 });
    expect(ok.headers().location).toContain("/history?q=x");
  } finally {
    await server.stop();
  }
});
