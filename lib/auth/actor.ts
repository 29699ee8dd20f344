import type { Role } from "@/db/schema";

/** Who is making a request, resolved once per request by lib/auth/resolve-actor.ts. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: "local" | "session" | "header" | "api-key";
  apiKeyId: string | null;
  ip: string | null;
};

export const LOCAL_OWNER_ID = "local-owner";
