import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { AppServer } from "./support/app-server";
import { expect, test, watchCsp } from "./support/csp-guard";
import { startTeamServer } from "./support/team";

// One instance, a team: the owner is created on the first visit, invites a
// member, a viewer and an admin, and each role sees and may do what it should.
// One storage state per role.

type Role = "owner" | "admin" | "member" | "viewer";
const PASSWORD = "a-long-password-1";
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-states-"));
const statePath = (role: Role) => path.join(stateDir, `${role}.json`);

test.describe.serial("a team shares one instance", () => {
  let server: AppServer;
  const violations: string[] = [];
  const contexts: BrowserContext[] = [];

  test.beforeAll(async () => {
    server = await startTeamServer({}, false);
  });
  test.afterAll(async () => {
    for (const c of contexts) await c.close();
    await server.stop();
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  });

  async function as(browser: Browser, role: Role): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url, storageState: statePath(role) });
    contexts.push(context);
    const page = await context.newPage();
    violations.push(...(await watchCsp(page)));
    return page;
  }

  async function sendAndWait(page: Page, text: string): Promise<string> {
    await page.goto("/");
    await page.getByTestId("composer-input").fill(text);
    await page.getByTestId("send-button").click();
    const stats = page.getByTestId("message-assistant").last().getByTestId("run-stats");
    await expect(stats).toHaveAttribute("data-status", "done", { timeout: 30_000 });
    return (await stats.getAttribute("data-run-id"))!;
  }

  test("the first visit creates the owner account", async ({ page }) => {
    await page.goto(`${server.url}/history`);
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();
    await page.getByLabel("Name").fill("Olga Owner");
    await page.getByLabel("Email").fill("olga@example.com");
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByTestId("auth-submit").click();
    await expect(page.getByTestId("composer-input")).toBeVisible();
    await expect(page.getByTestId("user-role")).toHaveText("owner");
    await page.context().storageState({ path: statePath("owner") });
    // Another visitor is sent to sign in, not to setup.
    const anon = await page.context().browser()!.newContext();
    contexts.push(anon);
    const visitor = await anon.newPage();
    await visitor.goto(`${server.url}/`);
    await expect(visitor).toHaveURL(/\/sign-in\?next=%2F$/);
  });

  test("the owner invites a member, a viewer and an admin; each joins and signs in", async ({ browser }) => {
    const owner = await as(browser, "owner");
    await owner.goto("/admin");
    let previous = "";
    for (const role of ["member", "viewer", "admin"] as const) {
      await owner.getByTestId("invite-role").selectOption(role);
      await owner.getByTestId("invite-create").click();
      const link = owner.getByTestId("invite-link");
      await expect(link).toHaveValue(new RegExp(`${server.url}/invite/`));
      await expect(link).not.toHaveValue(previous);
      const url = await link.inputValue();
      previous = url;
      await expect(owner.getByTestId("invite-row").first().getByTestId("invite-status")).toHaveText("pending");

      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      violations.push(...(await watchCsp(page)));
      await page.goto(url);
      await expect(page.getByText(`You are invited as ${role}`)).toBeVisible();
      await page.getByLabel("Name").fill(`${role[0]!.toUpperCase()}${role.slice(1)} Person`);
      await page.getByLabel("Email").fill(`${role}@example.com`);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByTestId("auth-submit").click();
      await expect(page.getByTestId("user-role")).toHaveText(role);
      await context.storageState({ path: statePath(role) });
      // The link works once.
      await page.goto(url);
      await expect(page.getByTestId("invite-unusable")).toContainText("used already");
    }
    // Signing out and in again with the form.
    const member = await as(browser, "member");
    await member.goto("/");
    await member.getByTestId("sign-out").click();
    await expect(member).toHaveURL(/\/sign-in/);
    await member.getByLabel("Email").fill("member@example.com");
    await member.getByLabel("Password").fill("not-the-password");
    await member.getByTestId("auth-submit").click();
    await expect(member.getByTestId("auth-error")).toHaveText("Wrong email or password.");
    await member.getByLabel("Password").fill(PASSWORD);
    await member.getByTestId("auth-submit").click();
    await expect(member.getByTestId("user-role")).toHaveText("member");
    await member.context().storageState({ path: statePath("member") });
  });

  test("a member's run is private: the viewer gets 404 until the member shares it with the team", async ({ browser }) => {
    const member = await as(browser, "member");
    const runId = await sendAndWait(member, "Quarterly plan draft");
    const viewer = await as(browser, "viewer");
    expect((await viewer.request.get(`/api/runs/${runId}`)).status()).toBe(404);
    const page404 = await viewer.goto(`/runs/${runId}`);
    expect(page404?.status()).toBe(404);

    await member.goto(`/runs/${runId}`);
    await member.getByTestId("share-team").click();
    await expect(member.getByTestId("share-team")).toContainText("Shared with the team");

    await viewer.goto(`/runs/${runId}`);
    await expect(viewer.getByTestId("run-transcript")).toContainText("Quarterly plan draft");
    await expect(viewer.getByTestId("share-team")).toHaveCount(0);
    await viewer.goto("/history");
    const row = viewer.getByTestId("history-row").filter({ hasText: "Quarterly plan draft" });
    await expect(row.getByTestId("row-team")).toBeVisible();
    await expect(row.getByTestId("row-author")).toHaveText("Member Person:");
  });

  test("the viewer cannot run: Send is disabled with the reason, and the API answers 403", async ({ browser }) => {
    const viewer = await as(browser, "viewer");
    await viewer.goto("/");
    await viewer.getByTestId("composer-input").fill("May I?");
    await expect(viewer.getByTestId("send-button")).toBeDisabled();
    await expect(viewer.getByTestId("composer-blocked")).toContainText("can read runs and costs but not start runs");
    await expect(viewer.getByTestId("attach-button")).toBeDisabled();
    const response = await viewer.request.post("/api/runs", { headers: { origin: server.url }, data: { provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [{ role: "user", parts: [{ type: "text", text: "x" }] }] } });
    expect(response.status()).toBe(403);
  });

  test("an admin sees a member's cost but not its text", async ({ browser }) => {
    const member = await as(browser, "member");
    const runId = await sendAndWait(member, "Confidential numbers for the board");
    const admin = await as(browser, "admin");
    await admin.goto(`/runs/${runId}`);
    await expect(admin.getByTestId("content-hidden")).toBeVisible();
    await expect(admin.getByTestId("run-cost")).not.toHaveText("—");
    await expect(admin.locator("body")).not.toContainText("Confidential numbers");
    await admin.goto("/admin");
    const row = admin.getByTestId("user-row").filter({ hasText: "member@example.com" });
    // The member ran the simulator: not spend, shown apart at its list-price equivalent.
    await expect(row.getByTestId("user-spend")).toHaveText("$0");
    await expect(row.getByTestId("user-simulated")).toContainText("simulated");
    await admin.goto("/history");
    await expect(admin.getByTestId("cost-scope")).toHaveText("Whole team:");
    await expect(admin.getByTestId("cost-user-row").filter({ hasText: "Member Person" }).first()).toBeVisible();
  });

  test("disabling the member ends their session: the next request is 401", async ({ browser }) => {
    const member = await as(browser, "member");
    await member.goto("/");
    expect((await member.request.get("/api/me")).status()).toBe(200);
    const owner = await as(browser, "owner");
    await owner.goto("/admin");
    const row = owner.getByTestId("user-row").filter({ hasText: "member@example.com" });
    // Handing ownership over asks first; cancelling leaves the role as it was and audits nothing.
    await row.getByTestId("user-role-select").selectOption("owner");
    await expect(owner.getByRole("alertdialog")).toContainText("Hand ownership to Member Person?");
    await owner.getByTestId("confirm-cancel").click();
    await expect(owner.getByRole("alertdialog")).toBeHidden();
    await expect(row.getByTestId("user-role-select")).toHaveValue("member");
    expect((await (await owner.request.get("/api/admin/audit?action=user.role-change")).json()).entries).toHaveLength(0);
    await row.getByTestId("user-disable").click();
    await expect(row.getByTestId("user-disable")).toHaveText("Disabled · enable");
    expect((await member.request.get("/api/me")).status()).toBe(401);
    await member.goto("/history");
    await expect(member).toHaveURL(/\/sign-in/);
    // Their runs stay.
    expect((await owner.request.get("/api/runs?limit=50")).ok()).toBe(true);
    const audit = await (await owner.request.get("/api/admin/audit?action=user.disable")).json();
    expect(audit.entries).toHaveLength(1);
    await owner.goto("/admin");
    await expect(owner.getByTestId("audit-badge")).toHaveAttribute("data-ok", "true");
  });
});
