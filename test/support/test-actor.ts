import { assignOrphansTo } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { ensureLocalOwner } from "@/lib/auth/users";

/** The owner of the current test database (AUTH_MODE=none's local owner); rows written without an author become theirs. */
export async function ownerActor(): Promise<Actor> {
  const user = await ensureLocalOwner();
  await assignOrphansTo(user.id);
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "local", apiKeyId: null, ip: "127.0.0.1" };
}

/** A person of `role` in the current test database, made on first use. */
export async function personActor(id: string, role: Actor["role"] = "member", limits: { monthlyBudgetUsd?: number | null; maxConcurrent?: number | null; rpm?: number | null } = {}): Promise<Actor> {
  const { getUserById, insertUser } = await import("@/db/team-queries");
  if (!(await getUserById(id))) {
    const now = new Date();
    await insertUser({ id, name: id, email: `${id}@example.com`, role, createdAt: now, updatedAt: now, ...limits });
  }
  return { id, email: `${id}@example.com`, name: id, role, via: "session", apiKeyId: null, ip: "127.0.0.1" };
}
