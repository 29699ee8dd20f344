import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { consumeInvite, getInvite, getInviteByTokenHash, getUserByEmail, insertInvite, listInvites, revokeInviteRow } from "@/db/team-queries";
import type { InviteRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assignableRoles } from "@/lib/auth/policy";
import { refuseSignIn } from "@/lib/auth/sign-in-rules";
import { createPasswordUser } from "@/lib/auth/users";
import { newAccountSchema } from "@/lib/auth/new-account";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { audit } from "./audit";
import { sendMail } from "./mailer";

// Invitations: a random token shown once (in the link); only its sha256 is
// stored. Single use, with an expiry; the role is fixed by the admin.

const INVITE_TOKEN = /^[A-Za-z0-9_-]{32}$/;

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const createSchema = z
  .object({
    role: z.enum(["admin", "member", "viewer"]),
    email: z.email().max(320).optional(),
    expiresInHours: z.number().int().min(1).max(24 * 30).default(72),
  })
  .strict();

export type InviteStatus = "pending" | "accepted" | "revoked" | "expired";

function statusOf(row: InviteRow, now = Date.now()): InviteStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now ? "expired" : "pending";
}

function inviteJson(row: InviteRow) {
  return {
    id: row.id,
    role: row.role,
    email: row.email,
    status: statusOf(row),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

export async function createInvite(body: unknown, actor: Actor, origin: string) {
  const { role, email, expiresInHours } = parseOr400(createSchema, body);
  if (!assignableRoles(actor.role).includes(role)) throw new AppError("forbidden", `Your role (${actor.role}) may not invite a ${role}.`, "role");
  if (email) {
    const refusal = refuseSignIn(email);
    if (refusal) throw new AppError("domain_not_allowed", refusal, "email");
    if (await getUserByEmail(email)) throw new AppError("email_taken", `${email} already has an account.`, "email");
  }
  const token = randomBytes(24).toString("base64url");
  const now = new Date();
  const row: InviteRow = {
    id: randomUUID(),
    tokenHash: tokenHash(token),
    role,
    email: email?.toLowerCase() ?? null,
    createdBy: actor.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + expiresInHours * 3_600_000),
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
  };
  await insertInvite(row);
  await audit({ action: "invite.create", actor, target: { type: "invite", id: row.id }, after: { role, email: row.email, expiresAt: row.expiresAt.toISOString() } });
  const url = `${origin}/invite/${token}`;
  const mail = row.email
    ? await sendMail(row.email, "You are invited to the LLM Playground", `${actor.name} invited you to the LLM Playground as ${role}.\n\nAccept within ${expiresInHours} hours:\n${url}\n`)
    : { sent: false };
  return { url, token, ...inviteJson(row), mailed: mail.sent, ...(mail.error ? { mailError: mail.error } : {}) };
}

export async function listInviteRecords() {
  return { invites: (await listInvites()).map(inviteJson) };
}

export async function revokeInvite(id: string, actor: Actor) {
  if (!z.uuid().safeParse(id).success) throw new AppError("invalid_id", "Invite ids are UUIDs.", "id");
  const row = await getInvite(id);
  if (!row) throw new AppError("not_found", `No invite with id ${id}.`);
  if (!(await revokeInviteRow(id, new Date()))) throw new AppError("invite_closed", `This invite is already ${statusOf(row)}.`);
  await audit({ action: "invite.revoke", actor, target: { type: "invite", id }, before: { status: statusOf(row) } });
  return { revoked: id };
}

/** What the invite page shows before sign-up: the role and the address it is for, or why it cannot be used. */
export async function describeInvite(token: string): Promise<{ ok: true; role: string; email: string | null; expiresAt: string } | { ok: false; reason: string }> {
  if (!INVITE_TOKEN.test(token)) return { ok: false, reason: "This invite link is not valid." };
  const row = await getInviteByTokenHash(tokenHash(token));
  if (!row) return { ok: false, reason: "This invite link is not valid." };
  const status = statusOf(row);
  if (status !== "pending") return { ok: false, reason: `This invite has been ${status === "accepted" ? "used already" : status}. Ask an admin for a new one.` };
  return { ok: true, role: row.role, email: row.email, expiresAt: row.expiresAt.toISOString() };
}

/** POST /api/invites/:token/accept: makes the account (single use, race-free). The caller then signs in. */
export async function acceptInvite(token: string, body: unknown, ip: string | null) {
  await hitRateLimit(`invite-accept:${ip ?? "unknown"}`, 60_000, 10);
  const account = parseOr400(newAccountSchema, body);
  const invite = await describeInvite(token);
  if (!invite.ok) throw new AppError("invite_unusable", invite.reason);
  const row = (await getInviteByTokenHash(tokenHash(token)))!;
  const email = account.email.toLowerCase();
  if (row.email && row.email !== email) throw new AppError("wrong_email", `This invite is for ${row.email}.`, "email");
  const refusal = refuseSignIn(email);
  if (refusal) throw new AppError("domain_not_allowed", refusal, "email");
  const user = await createPasswordUser({ ...account, email, role: row.role }, async (db, userId) => {
    if (!(await consumeInvite(row.id, userId, new Date(), db))) throw new AppError("invite_unusable", "This invite has just been used.");
    await audit({ action: "invite.accept", actor: { id: userId, email, role: row.role, ip }, target: { type: "invite", id: row.id }, after: { role: row.role } }, db);
  });
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
