import type { Role } from "@/db/schema";

/** What a role may do. Reading is further limited by ownership and visibility (lib/runs/run-access.ts). */
const PERMISSIONS = ["read", "run", "upload", "share", "export", "import", "manage", "transfer-ownership"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: ["read", "run", "upload", "share", "export", "import", "manage"],
  member: ["read", "run", "upload", "share", "export", "import"],
  viewer: ["read", "export"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isAdmin(role: Role): boolean {
  return role === "owner" || role === "admin";
}

/** Roles an actor may hand out: admins manage admins and below; only the owner passes ownership on. */
export function assignableRoles(role: Role): Role[] {
  if (role === "owner") return ["owner", "admin", "member", "viewer"];
  if (role === "admin") return ["admin", "member", "viewer"];
  return [];
}
