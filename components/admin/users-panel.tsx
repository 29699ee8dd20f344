"use client";

import { useState } from "react";
import { formatUsd } from "@/lib/format";
import { send, useJson } from "./use-admin-api";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { NativeSelect } from "@/components/ui/native-select";
import { Input } from "@/components/ui/input";

type UserRecord = { id: string; email: string; name: string; role: string; disabled: boolean; monthlyBudgetUsd: number | null; rpm: number | null; maxConcurrent: number | null; spendThisMonthUsd: number; simulatedThisMonthUsd?: number; createdAt: string };

/** A number input that saves on blur; empty means "no limit". */
function LimitInput({ label, value, step, onSave }: { label: string; value: number | null; step: string; onSave: (value: number | null) => void }) {
  return (
    <Input
      size="xs"
      aria-label={label}
      type="number"
      min={0}
      step={step}
      defaultValue={value ?? ""}
      placeholder="none"
      onBlur={(e) => {
        const next = e.target.value.trim() === "" ? null : Number(e.target.value);
        if (next !== value) onSave(next);
      }}
      className="w-20 text-right"
    />
  );
}

const ROLES = ["owner", "admin", "member", "viewer"];

/** Everyone with an account: role, disable, this month's spend, monthly budget. */
export function UsersPanel({ me }: { me: { id: string; role: string } }) {
  const { data, error, reload } = useJson<{ users: UserRecord[] }>("/api/admin/users");
  const [problem, setProblem] = useState<string | null>(null);
  const patch = async (id: string, body: Record<string, unknown>) => {
    const [, err] = await send(`/api/admin/users/${id}`, "PATCH", body);
    setProblem(err);
    await reload();
  };
  const roles = me.role === "owner" ? ROLES : ROLES.filter((r) => r !== "owner");
  const { confirm, dialog } = useConfirm();
  return (
    <section aria-labelledby="users-heading" className="space-y-2">
      {dialog}
      <h2 id="users-heading" className="text-sm font-semibold">Users</h2>
      {(error || problem) && <p role="alert" className="text-xs text-red-700 dark:text-red-400">{error ?? problem}</p>}
      <table data-testid="users-table" className="w-full border-collapse text-xs">
        <thead>
          <tr className="text-left text-muted">
            <th className="p-1">Name</th>
            <th className="p-1">Email</th>
            <th className="p-1">Role</th>
            <th className="p-1">Status</th>
            <th className="p-1 text-right">Spend this month</th>
            <th className="p-1 text-right">Monthly budget (USD)</th>
            <th className="p-1 text-right">Requests/min</th>
            <th className="p-1 text-right">Streams at once</th>
          </tr>
        </thead>
        <tbody>
          {data?.users.map((u) => {
            const self = u.id === me.id;
            const locked = self || (u.role === "owner" && me.role !== "owner");
            return (
              <tr key={u.id} data-testid="user-row" data-email={u.email} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="p-1">{u.name}{self ? " (you)" : ""}</td>
                <td className="p-1 font-mono">{u.email}</td>
                <td className="p-1">
                  <NativeSelect
                    size="xs"
                    aria-label={`Role of ${u.name}`}
                    data-testid="user-role-select"
                    value={u.role}
                    disabled={locked}
                    onChange={async (e) => {
                      const role = e.target.value;
                      if (role === "owner" && !(await confirm({ title: `Hand ownership to ${u.name}?`, body: "You become an admin. Only the new owner can hand it back.", confirmLabel: "Hand over ownership", danger: true }))) return;
                      void patch(u.id, { role });
                    }}
                  >
                    {(locked ? ROLES : roles).map((r) => (
                      <option key={r} value={r}>{r}</option>
                    ))}
                  </NativeSelect>
                </td>
                <td className="p-1">
                  <button
                    type="button"
                    data-testid="user-disable"
                    disabled={locked || u.role === "owner"}
                    aria-pressed={u.disabled}
                    onClick={() => void patch(u.id, { disabled: !u.disabled })}
                    className="rounded border border-zinc-300 px-2 py-0.5 disabled:opacity-50 dark:border-zinc-700"
                  >
                    {u.disabled ? "Disabled · enable" : "Active · disable"}
                  </button>
                </td>
                <td className="p-1 text-right font-mono">
                  <span data-testid="user-spend">{formatUsd(u.spendThisMonthUsd)}</span>
                  {(u.simulatedThisMonthUsd ?? 0) > 0 && (
                    <span data-testid="user-simulated" className="block text-[10px] text-muted" title="What this month's simulator runs would cost at list price; not spend">
                      + {formatUsd(u.simulatedThisMonthUsd)} simulated
                    </span>
                  )}
                </td>
                <td className="p-1 text-right">
                  <LimitInput label={`Monthly budget of ${u.name} in USD`} value={u.monthlyBudgetUsd} step="0.01" onSave={(v) => void patch(u.id, { monthlyBudgetUsd: v })} />
                </td>
                <td className="p-1 text-right">
                  <LimitInput label={`Requests per minute for ${u.name}`} value={u.rpm} step="1" onSave={(v) => void patch(u.id, { rpm: v })} />
                </td>
                <td className="p-1 text-right">
                  <LimitInput label={`Concurrent streams for ${u.name}`} value={u.maxConcurrent} step="1" onSave={(v) => void patch(u.id, { maxConcurrent: v })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
