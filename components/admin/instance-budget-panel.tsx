"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { send, useJson } from "./use-admin-api";
import { Input } from "@/components/ui/input";

/** The monthly cap for everyone together: runs that would pass it are refused (402) like a person's or a key's. */
export function InstanceBudgetPanel() {
  const { data, reload } = useJson<{ monthlyBudgetUsd: number | null }>("/api/admin/budget");
  const [note, setNote] = useState<string | null>(null);
  if (!data) return null;
  return (
    <section aria-labelledby="instance-budget-heading" className="space-y-2">
      <h2 id="instance-budget-heading" className="text-sm font-semibold">Monthly budget for the whole playground</h2>
      <form
        className="flex items-end gap-2 text-xs"
        onSubmit={async (e) => {
          e.preventDefault();
          const raw = String(new FormData(e.currentTarget).get("budget") ?? "").trim();
          const [, err] = await send("/api/admin/budget", "PUT", { monthlyBudgetUsd: raw === "" ? null : Number(raw) });
          setNote(err ?? "Saved.");
          await reload();
        }}
      >
        <label>
          USD per month (empty: no cap){" "}
          <Input name="budget" type="number" min={0} step="0.01" defaultValue={data.monthlyBudgetUsd ?? ""} data-testid="instance-budget" className="w-28" />
        </label>
        <Button type="submit" size="sm" variant="primary">Save budget</Button>
        {note && <span role="status">{note}</span>}
      </form>
    </section>
  );
}
