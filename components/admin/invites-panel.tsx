"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { send, useJson } from "./use-admin-api";
import { NativeSelect } from "@/components/ui/native-select";
import { Input } from "@/components/ui/input";

type Invite = { id: string; role: string; email: string | null; status: string; createdAt: string; expiresAt: string };
type Created = Invite & { url: string; mailed: boolean; mailError?: string };

/** Make invite links (role, optional email, expiry; single use), copy or mail them, revoke unused ones. */
export function InvitesPanel({ me }: { me: { role: string } }) {
  const { data, error, reload } = useJson<{ invites: Invite[] }>("/api/admin/invites");
  const [created, setCreated] = useState<Created | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const roles = me.role === "owner" || me.role === "admin" ? ["member", "viewer", "admin"] : [];
  return (
    <section aria-labelledby="invites-heading" className="space-y-2">
      <h2 id="invites-heading" className="text-sm font-semibold">Invites</h2>
      <form
        data-testid="invite-create-form"
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const email = String(form.get("email") ?? "").trim();
          const [body, err] = await send<Created>("/api/admin/invites", "POST", { role: form.get("role"), ...(email ? { email } : {}), expiresInHours: Number(form.get("hours")) });
          setProblem(err);
          setCreated(body);
          await reload();
        }}
      >
        <label className="text-xs">
          Role
          <NativeSelect name="role" data-testid="invite-role" defaultValue="member" className="ml-1">
            {roles.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </NativeSelect>
        </label>
        <label className="text-xs">
          Email (optional; mailed when SMTP is set)
          <Input name="email" type="email" data-testid="invite-email" className="ml-1 w-56" />
        </label>
        <label className="text-xs">
          Expires in (hours)
          <Input name="hours" type="number" min={1} max={720} defaultValue={72} className="ml-1 w-20" />
        </label>
        <Button type="submit" size="sm" variant="primary" data-testid="invite-create">Create invite link</Button>
      </form>
      {(error || problem) && <p role="alert" className="text-xs text-red-700 dark:text-red-400">{error ?? problem}</p>}
      {created && (
        <OneTimeSecret id="invite-link" testId="invite-link" label={`Link for a ${created.role} (shown once${created.mailed ? "; also mailed" : ""}):`} value={created.url}>
          {created.mailError && <span className="text-red-700">{created.mailError}</span>}
        </OneTimeSecret>
      )}
      <table data-testid="invites-table" className="w-full border-collapse text-xs">
        <thead>
          <tr className="text-left text-muted">
            <th className="p-1">Role</th>
            <th className="p-1">For</th>
            <th className="p-1">Status</th>
            <th className="p-1">Expires</th>
            <th className="p-1"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {data?.invites.map((i) => (
            <tr key={i.id} data-testid="invite-row" className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="p-1">{i.role}</td>
              <td className="p-1 font-mono">{i.email ?? "anyone with the link"}</td>
              <td className="p-1" data-testid="invite-status">{i.status}</td>
              <td className="p-1 font-mono">{i.expiresAt.replace("T", " ").slice(0, 16)}</td>
              <td className="p-1 text-right">
                {i.status === "pending" && (
                  <Button size="sm" variant="danger" onClick={async () => (setProblem((await send(`/api/admin/invites/${i.id}`, "DELETE"))[1]), await reload())}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
