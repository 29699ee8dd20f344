import { assignOrphansTo } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { ensureLocalOwner } from "@/lib/auth/users";

/** The owner of the current test database (AUTH_MODE=none's local owner); rows written without an author become theirs. */
export async function ownerActor(): Promise<Actor> {
  const user = await ensureLocalOwner();
  await assignOrphansTo(user.id);
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "local", apiKeyId: null, ip: "127.0.0.1" };
}
