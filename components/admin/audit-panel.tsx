"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useJson } from "./use-admin-api";
import { NativeSelect } from "@/components/ui/native-select";
import { Input } from "@/components/ui/input";

type Entry = { seq: number; at: string; actor: { id: string | null; email: string | null; role: string | null }; action: string; target: { type: string; id: string | null } | null; before: unknown; after: unknown; ip: string | null };
type Verification = { ok: boolean; rows: number; seq?: number; problem?: string };

const ACTIONS = ["sign-in", "sign-in.failed", "owner.create", "invite.create", "invite.accept", "invite.revoke", "user.role-change", "user.disable", "user.enable", "user.budget-change", "user.limits-change", "share.create", "share.revoke", "run.visibility-change", "run.delete", "export", "import", "catalog.refresh", "settings.change", "api-key.create", "api-key.revoke", "backup.download"];

/** The append-only audit log: filters, JSONL export and a badge saying whether the hash chain holds. */
export function AuditPanel() {
  const [action, setAction] = useState("");
  const [actor, setActor] = useState("");
  const [cursor, setCursor] = useState<number | null>(null);
  const params = new URLSearchParams({ limit: "50", ...(action ? { action } : {}), ...(actor ? { actor } : {}), ...(cursor ? { cursor: String(cursor) } : {}) });
  const { data, error } = useJson<{ entries: Entry[]; nextCursor: number | null }>(`/api/admin/audit?${params}`);
  const verify = useJson<Verification>("/api/admin/audit/verify");
  return (
    <section aria-labelledby="audit-heading" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="audit-heading" className="text-sm font-semibold">Audit log</h2>
        {verify.data && (
          <span data-testid="audit-badge" data-ok={verify.data.ok} className={`rounded px-2 py-0.5 text-xs ${verify.data.ok ? "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200" : "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200"}`}>
            {verify.data.ok ? `Chain intact (${verify.data.rows} rows)` : `Tampered: ${verify.data.problem}`}
          </span>
        )}
        <label className="text-xs">
          Action{" "}
          <NativeSelect size="xs" data-testid="audit-action" value={action} onChange={(e) => (setAction(e.target.value), setCursor(null))}>
            <option value="">all</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </NativeSelect>
        </label>
        <label className="text-xs">
          Actor (id or email){" "}
          <Input size="xs" data-testid="audit-actor" value={actor} onChange={(e) => (setActor(e.target.value), setCursor(null))} />
        </label>
        <a href="/api/admin/audit/export" download data-testid="audit-export" className="text-xs underline">
          Export JSONL
        </a>
      </div>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
      <table data-testid="audit-table" className="w-full border-collapse text-xs">
        <thead>
          <tr className="text-left text-muted">
            <th className="p-1">#</th>
            <th className="p-1">When (UTC)</th>
            <th className="p-1">Actor</th>
            <th className="p-1">Action</th>
            <th className="p-1">Target</th>
            <th className="p-1">Change</th>
            <th className="p-1">IP</th>
          </tr>
        </thead>
        <tbody>
          {data?.entries.map((e) => (
            <tr key={e.seq} data-testid="audit-row" data-action={e.action} className="border-t border-zinc-100 align-top dark:border-zinc-800">
              <td className="p-1 font-mono">{e.seq}</td>
              <td className="p-1 font-mono">{e.at.replace("T", " ").slice(0, 19)}</td>
              <td className="p-1">{e.actor.email ?? "—"} {e.actor.role ? <span className="text-muted">({e.actor.role})</span> : null}</td>
              <td className="p-1 font-mono">{e.action}</td>
              <td className="p-1 font-mono">{e.target ? `${e.target.type} ${e.target.id ?? ""}` : "—"}</td>
              <td className="max-w-md truncate p-1 font-mono" title={JSON.stringify({ before: e.before, after: e.after })}>
                {e.before ? `${JSON.stringify(e.before)} → ` : ""}{e.after ? JSON.stringify(e.after) : ""}
              </td>
              <td className="p-1 font-mono">{e.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex gap-2">
        {cursor !== null && <Button size="sm" onClick={() => setCursor(null)}>Newest</Button>}
        {data?.nextCursor && <Button size="sm" onClick={() => setCursor(data.nextCursor)}>Older</Button>}
      </div>
    </section>
  );
}
