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
  /** The limits of the API key this request came with (none for a browser session). */
  key?: KeyLimits;
};

type KeyLimits = {
  id: string;
  name: string;
  allowedProviders: string[] | null;
  allowedModels: string[] | null;
  monthlyBudgetUsd: number | null;
  rpm: number | null;
  maxConcurrent: number | null;
};

export const LOCAL_OWNER_ID = "local-owner";
