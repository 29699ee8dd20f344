"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { send, useJson } from "./use-admin-api";
import { Checkbox } from "@/components/ui/checkbox";

type Access = { member: string[] | null; viewer: string[] | null };

/** Which offerings members (and viewers, should they be allowed to run later) may use; admins and the owner always may. */
export function AccessPanel({ offerings }: { offerings: { key: string; label: string }[] }) {
  const { data, error, reload } = useJson<Access>("/api/admin/access");
  const [draft, setDraft] = useState<Access | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => setDraft(data), [data]);
  if (!draft) return <p className="text-xs text-muted">{error ?? "Loading access…"}</p>;
  const list = draft.member;
  const toggle = (key: string) => {
    const current = list ?? offerings.map((o) => o.key);
    const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
    setDraft({ ...draft, member: next });
  };
  return (
    <section aria-labelledby="access-heading" className="space-y-2">
      <h2 id="access-heading" className="text-sm font-semibold">Provider and model access for members</h2>
      <label className="flex items-center gap-2 text-xs">
        <Checkbox data-testid="access-all" checked={list === null} onChange={(e) => setDraft({ ...draft, member: e.target.checked ? null : offerings.map((o) => o.key) })} />
        Members may use every offering
      </label>
      <fieldset disabled={list === null} className="grid gap-1 text-xs sm:grid-cols-2 disabled:opacity-50">
        <legend className="sr-only">Offerings members may use</legend>
        {offerings.map((o) => (
          <label key={o.key} className="flex items-center gap-2">
            <Checkbox data-testid={`access-${o.key}`} checked={list === null || list.includes(o.key)} onChange={() => toggle(o.key)} />
            {o.label} <span className="font-mono text-muted">{o.key}</span>
          </label>
        ))}
      </fieldset>
      <Button
        size="sm"
        variant="primary"
        data-testid="access-save"
        onClick={async () => {
          const [, err] = await send("/api/admin/access", "PUT", draft);
          setNote(err ?? "Saved.");
          await reload();
        }}
      >
        Save access
      </Button>
      {note && <span role="status" className="ml-2 text-xs">{note}</span>}
    </section>
  );
}
