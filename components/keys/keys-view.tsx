"use client";

import { useState } from "react";
import { PageHeader } from "@/components/auth/page-header";
import { send, useJson } from "@/components/admin/use-admin-api";
import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Input } from "@/components/ui/input";
import { Checkbox } from "@/components/ui/checkbox";

type Key = { id: string; name: string; prefix: string; createdAt: string; expiresAt: string | null; lastUsedAt: string | null; status: string; allowedProviders: string[] | null; allowedModels: string[] | null; monthlyBudgetUsd: number | null; rpm: number | null; maxConcurrent: number | null };

const numberOrNull = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === "" ? null : Number(value));

/** /keys: personal API keys for the gateway (shown once), with limits, last use and revoke. */
export function KeysView({ providers, baseUrl, canCreate }: { providers: { id: string; name: string }[]; baseUrl: string; canCreate: boolean }) {
  const { data, error, reload } = useJson<{ keys: Key[] }>("/api/keys");
  const [created, setCreated] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="mx-auto max-w-5xl space-y-6 p-4">
      <PageHeader title="API keys" />
      <main className="space-y-6">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Call every offering you can use here from code, with the OpenAI client: base URL <code data-testid="gateway-base-url">{baseUrl}</code>, model ids like <code>simulator/qwen3.5-flash</code>. Each call is a run in your history, measured and billed like one from the playground.
        </p>
        {!canCreate && (
          <p data-testid="keys-viewer-note" className="rounded border border-zinc-300 p-2 text-xs dark:border-zinc-700">
            Viewers cannot run models, so they cannot make API keys. Ask an admin for the member role to call the gateway from code.
          </p>
        )}
        {canCreate && <form
          data-testid="key-create-form"
          className="flex flex-wrap items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const formElement = e.currentTarget;
            const form = new FormData(formElement);
            const expires = String(form.get("expires") ?? "");
            const allowed = form.getAll("providers").map(String);
            const models = String(form.get("models") ?? "").split(",").map((m) => m.trim()).filter(Boolean);
            const [body, err] = await send<{ key: string }>("/api/keys", "POST", {
              name: form.get("name"),
              ...(expires ? { expiresAt: new Date(`${expires}T23:59:59Z`).toISOString() } : {}),
              monthlyBudgetUsd: numberOrNull(form.get("budget")),
              rpm: numberOrNull(form.get("rpm")),
              maxConcurrent: numberOrNull(form.get("concurrent")),
              allowedProviders: allowed.length ? allowed : null,
              allowedModels: models.length ? models : null,
            });
            setProblem(err);
            setCreated(body?.key ?? null);
            if (body) formElement.reset();
            await reload();
          }}
        >
          <label className="text-xs">
            Name <Input name="name" required data-testid="key-name" className="ml-1 w-40" />
          </label>
          <label className="text-xs">
            Expires (optional) <Input name="expires" type="date" className="ml-1" />
          </label>
          <label className="text-xs">
            Monthly budget, USD <Input name="budget" type="number" min={0} step="0.01" placeholder="no cap" data-testid="key-budget" className="ml-1 w-24" />
          </label>
          <label className="text-xs">
            Requests/min <Input name="rpm" type="number" min={1} placeholder="no limit" className="ml-1 w-20" />
          </label>
          <label className="text-xs">
            Concurrent streams <Input name="concurrent" type="number" min={1} placeholder="no limit" className="ml-1 w-20" />
          </label>
          <fieldset className="text-xs">
            <legend>Only these providers (none checked = all)</legend>
            {providers.map((p) => (
              <label key={p.id} className="mr-2">
                <Checkbox name="providers" value={p.id} /> {p.name}
              </label>
            ))}
          </fieldset>
          <label className="text-xs">
            Only these models (optional, comma list of provider/model-id){" "}
            <Input name="models" placeholder="simulator/qwen3.5-flash" className="ml-1 w-64" />
          </label>
          <Button type="submit" size="sm" variant="primary" data-testid="key-create">Create key</Button>
        </form>}
        {(error || problem) && <p role="alert" className="text-xs text-red-700 dark:text-red-400">{error ?? problem}</p>}
        {created && (
          <OneTimeSecret id="new-key" testId="new-key" label="Your new key. Copy it now: it is not shown again." value={created} />
        )}
        <table data-testid="keys-table" className="w-full border-collapse text-xs">
          <thead>
            <tr className="text-left text-muted">
              <th className="p-1">Name</th>
              <th className="p-1">Key</th>
              <th className="p-1">Limits</th>
              <th className="p-1">Created</th>
              <th className="p-1">Last used</th>
              <th className="p-1">Status</th>
              <th className="p-1"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {data?.keys.map((k) => (
              <tr key={k.id} data-testid="key-row" className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="p-1">{k.name}</td>
                <td className="p-1 font-mono">{k.prefix}…</td>
                <td className="p-1">
                  {[k.monthlyBudgetUsd != null ? `$${k.monthlyBudgetUsd}/month` : null, k.rpm ? `${k.rpm}/min` : null, k.maxConcurrent ? `${k.maxConcurrent} at once` : null, k.allowedProviders ? k.allowedProviders.join(", ") : null, k.allowedModels ? k.allowedModels.join(", ") : null].filter(Boolean).join(" · ") || "none"}
                </td>
                <td className="p-1 font-mono">{k.createdAt.slice(0, 10)}</td>
                <td className="p-1 font-mono">{k.lastUsedAt ? k.lastUsedAt.replace("T", " ").slice(0, 16) : "never"}</td>
                <td className="p-1" data-testid="key-status">{k.status}</td>
                <td className="p-1 text-right">
                  {k.status === "active" && (
                    <Button size="sm" variant="danger" data-testid="key-revoke" onClick={async () => (setProblem((await send(`/api/keys/${k.id}`, "DELETE"))[1]), await reload())}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </div>
  );
}
