"use client";

import { useState } from "react";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { useViewer } from "./viewer-context";

/** Who is signed in, their role, the admin pages and sign out. Nothing to show on a no-sign-in laptop instance but the admin link. */
export function UserMenu() {
  const viewer = useViewer();
  const [leaving, setLeaving] = useState(false);
  if (!viewer) return <ThemeToggle />;
  const signOut = async () => {
    setLeaving(true);
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}", redirect: "manual" }).catch(() => undefined);
    window.location.href = "/sign-in";
  };
  return (
    <div data-testid="user-menu" data-role={viewer.role} className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
      <ThemeToggle />
      {viewer.authMode !== "none" && (
        <span>
          <span data-testid="user-name">{viewer.name}</span> · <span data-testid="user-role">{viewer.role}</span>
        </span>
      )}
      <a href="/keys" data-testid="nav-keys" className="underline">
        API keys
      </a>
      {viewer.can.manage && (
        <a href="/admin" data-testid="nav-admin" className="underline">
          Admin
        </a>
      )}
      {viewer.authMode === "password" || viewer.authMode === "oidc" ? (
        <button type="button" data-testid="sign-out" disabled={leaving} onClick={() => void signOut()} className="underline disabled:opacity-50">
          Sign out
        </button>
      ) : null}
    </div>
  );
}
