import { describe, expect, it } from "vitest";
import { readAuthEnv } from "@/lib/env";
import { roleFromClaims } from "./sign-in-rules";
import { assignableRoles, can } from "./policy";

describe("sign-in settings fail fast", () => {
  it("defaults to no sign-in on a laptop", () => {
    expect(readAuthEnv({}).mode).toBe("none");
  });
  it("names the variable that is wrong", () => {
    expect(() => readAuthEnv({ AUTH_MODE: "passwd" })).toThrow(/AUTH_MODE must be one of none, password, oidc, header/);
    expect(() => readAuthEnv({ PUBLIC_URL: "example.com" })).toThrow(/PUBLIC_URL/);
    expect(() => readAuthEnv({ TRUST_PROXY: "maybe" })).toThrow(/TRUST_PROXY/);
    expect(() => readAuthEnv({ AUTH_MODE: "oidc", OIDC_ISSUER: "https://idp.example.com" })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => readAuthEnv({ AUTH_MODE: "header", AUTH_HEADER_JWKS_URL: "https://proxy.example.com/certs" })).toThrow(/AUTH_HEADER_AUDIENCE/);
    expect(() => readAuthEnv({ PLAYGROUND_INIT_OWNER_EMAIL: "o@example.com" })).toThrow(/PLAYGROUND_INIT_OWNER_PASSWORD/);
    expect(() => readAuthEnv({ AUTH_MODE: "oidc", OIDC_ISSUER: "https://i.example.com", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b", OIDC_ROLE_MAP: "admins=superuser" })).toThrow(/OIDC_ROLE_MAP/);
  });
  it("reads a full OIDC setup", () => {
    const env = readAuthEnv({ AUTH_MODE: "oidc", OIDC_ISSUER: "https://idp.example.com/", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b", OIDC_ROLE_MAP: "admins=admin, staff=member", AUTH_PASSWORD_ENABLED: "false", AUTH_ALLOWED_DOMAINS: "@Example.com" });
    expect(env.oidc?.issuer).toBe("https://idp.example.com");
    expect([...env.oidc!.roleMap]).toEqual([["admins", "admin"], ["staff", "member"]]);
    expect(env.passwordEnabled).toBe(false);
    expect(env.allowedDomains).toEqual(["example.com"]);
  });
});

describe("roles", () => {
  it("maps a group claim to a role, first mapped group first", () => {
    const map = new Map([["admins", "admin"], ["staff", "member"]] as const);
    expect(roleFromClaims({ groups: ["staff", "admins"] }, "groups", new Map(map))).toBe("admin");
    expect(roleFromClaims({ groups: "staff other" }, "groups", new Map(map))).toBe("member");
    expect(roleFromClaims({ roles: ["admins"] }, "groups", new Map(map))).toBeNull();
  });
  it("viewers read and export only; only the owner hands ownership on", () => {
    expect(can("viewer", "read")).toBe(true);
    expect(["run", "upload", "share", "import", "manage"].some((p) => can("viewer", p as never))).toBe(false);
    expect(can("member", "manage")).toBe(false);
    expect(can("admin", "transfer-ownership")).toBe(false);
    expect(assignableRoles("admin")).not.toContain("owner");
    expect(assignableRoles("owner")).toContain("owner");
    expect(assignableRoles("member")).toEqual([]);
  });
});
