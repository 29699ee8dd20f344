import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { assignOrphansTo, countUsers, findOwner, getUserByEmail, getUserById, hasPassword, insertCredentialAccount, insertUser, runInTransaction, updateUser } from "@/db/team-queries";
import type { Role, UserRow } from "@/db/schema";
import type { Db } from "@/db";
import { AppError } from "@/lib/http/app-error";
import { LOCAL_OWNER_ID } from "./actor";

/** The one user of AUTH_MODE=none: the existing owner, or a local owner made on first use. */
export async function ensureLocalOwner(): Promise<UserRow> {
  const owner = await findOwner();
  if (owner) return owner;
  const now = new Date();
  try {
    await insertUser({ id: LOCAL_OWNER_ID, name: "Local owner", email: "owner@localhost", role: "owner", createdAt: now, updatedAt: now });
  } catch {
    // Made by a concurrent request.
  }
  await assignOrphansTo(LOCAL_OWNER_ID);
  return (await getUserById(LOCAL_OWNER_ID))!;
}

/** Password mode needs its first owner when no owner can sign in with a password. */
export async function needsOwnerSetup(): Promise<boolean> {
  if ((await countUsers()) === 0) return true;
  const owner = await findOwner();
  return !owner || !(await hasPassword(owner.id));
}

export type NewAccount = { name: string; email: string; password: string; role: Role };

/**
 * A user with an email + password sign-in. Emails are unique, case-insensitively.
 * `during` runs inside the same write transaction (an invite consumed with the account).
 */
export async function createPasswordUser(input: NewAccount, during?: (db: Db, userId: string) => Promise<void>): Promise<UserRow> {
  const email = input.email.toLowerCase();
  if (await getUserByEmail(email)) throw new AppError("email_taken", `An account for ${email} already exists.`, "email");
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const now = new Date();
  await runInTransaction(async (db) => {
    await during?.(db, id);
    await insertUser({ id, name: input.name, email, role: input.role, createdAt: now, updatedAt: now }, db);
    await insertCredentialAccount({ id: randomUUID(), userId: id, passwordHash }, db);
  });
  return (await getUserById(id))!;
}

/**
 * The first owner of a password instance. A local owner left by AUTH_MODE=none
 * becomes this account, so everything it ran stays with it.
 */
export async function createOwner(input: Omit<NewAccount, "role">): Promise<UserRow> {
  if (!(await needsOwnerSetup())) throw new AppError("owner_exists", "This playground already has an owner. Sign in instead.");
  const existing = await findOwner();
  let owner: UserRow;
  if (existing) {
    const passwordHash = await hashPassword(input.password);
    const email = input.email.toLowerCase();
    const clash = await getUserByEmail(email);
    if (clash && clash.id !== existing.id) throw new AppError("email_taken", `An account for ${email} already exists.`, "email");
    await runInTransaction(async (db) => {
      await updateUser(existing.id, { name: input.name, email }, db);
      await insertCredentialAccount({ id: randomUUID(), userId: existing.id, passwordHash }, db);
    });
    owner = (await getUserById(existing.id))!;
  } else {
    owner = await createPasswordUser({ ...input, role: "owner" });
  }
  await assignOrphansTo(owner.id);
  return owner;
}
