"use client";

import { UserMenu } from "@/components/auth/user-menu";
import { AccessPanel } from "./access-panel";
import { AuditPanel } from "./audit-panel";
import { InvitesPanel } from "./invites-panel";
import { UsersPanel } from "./users-panel";

type Props = { me: { id: string; role: string }; offerings: { key: string; label: string }[] };

/** /admin: users, invites, provider/model access, spend by user this month, the audit log. */
export function AdminView({ me, offerings }: Props) {
  return (
    <div className="mx-auto max-w-6xl space-y-6 p-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-sm font-semibold">Admin</h1>
        <nav aria-label="Main" className="flex gap-3 text-xs text-zinc-500 underline">
          <a href="/">Playground</a>
          <a href="/compare">Compare</a>
          <a href="/history">History and costs</a>
        </nav>
        <span className="ml-auto">
          <UserMenu />
        </span>
      </header>
      <main className="space-y-8">
        <UsersPanel me={me} />
        <InvitesPanel me={me} />
        <AccessPanel offerings={offerings} />
        <AuditPanel />
      </main>
    </div>
  );
}
