import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUserByEmail } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "./audit";
import { acceptInvite, createInvite, listInviteRecords, revokeInvite } from "./invites";

// Invites: the mail goes out through SMTP_URL (captured by a local SMTP
// server), the link works once, and expired or revoked links do not.

const mails: { to: string[]; body: string }[] = [];
let smtp: SMTPServer;
const admin: Actor = { id: "admin-1", email: "ada@example.com", name: "Ada", role: "admin", via: "session", apiKeyId: null, ip: "127.0.0.1" };

beforeAll(async () => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-invites-"));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.SMTP_FROM = "Playground <playground@example.com>";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const token = (url: string) => url.split("/invite/")[1]!;

describe("invites", () => {
  it("mails the link when SMTP is set, and the link makes one account with the invited role", async () => {
    const invite = await createInvite({ role: "member", email: "lin@example.com" }, admin, "https://play.example.com");
    expect(invite.mailed).toBe(true);
    expect(invite.url).toMatch(/^https:\/\/play\.example\.com\/invite\/[A-Za-z0-9_-]{32}$/);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(["lin@example.com"]);
    expect(mails[0]!.body.replace(/=\r?\n/g, "")).toContain(invite.url);

    await expect(acceptInvite(token(invite.url), { name: "Lin", email: "someone@example.com", password: "password-123" }, "127.0.0.1")).rejects.toMatchObject({ code: "wrong_email" });
    const accepted = await acceptInvite(token(invite.url), { name: "Lin", email: "lin@example.com", password: "password-123" }, "127.0.0.1");
    expect(accepted.user).toMatchObject({ email: "lin@example.com", role: "member" });
    expect((await getUserByEmail("lin@example.com"))?.role).toBe("member");
    await expect(acceptInvite(token(invite.url), { name: "Lin", email: "lin@example.com", password: "password-123" }, "127.0.0.1")).rejects.toMatchObject({ status: 410 });
  });

  it("a revoked link cannot be used; a listing never shows tokens", async () => {
    const invite = await createInvite({ role: "viewer" }, admin, "https://play.example.com");
    expect(invite.mailed).toBe(false);
    await revokeInvite(invite.id, admin);
    await expect(acceptInvite(token(invite.url), { name: "V", email: "v@example.com", password: "password-123" }, "127.0.0.1")).rejects.toMatchObject({ status: 410 });
    const listed = JSON.stringify(await listInviteRecords());
    expect(listed).not.toContain(token(invite.url));
    expect(listed).toContain('"status":"revoked"');
  });

  it("admins cannot invite owners, and bad input is a 400 naming the field", async () => {
    await expect(createInvite({ role: "owner" }, admin, "https://x")).rejects.toMatchObject({ status: 400, field: "role" });
    await expect(createInvite({ role: "member", email: "nope" }, admin, "https://x")).rejects.toMatchObject({ status: 400, field: "email" });
    await expect(createInvite({ role: "member", expiresInHours: 0 }, admin, "https://x")).rejects.toMatchObject({ status: 400, field: "expiresInHours" });
  });

  it("every invite action is in the audit log and the chain holds", async () => {
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
