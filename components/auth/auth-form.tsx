"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Field = { name: "name" | "email" | "password"; label: string; type: string; autoComplete: string; defaultValue?: string; readOnly?: boolean };

type Props = {
  title: string;
  intro?: string;
  fields: Field[];
  submitLabel: string;
  /** Called with the form's values; resolves to an error message, or null when done. */
  onSubmit: (values: Record<string, string>) => Promise<string | null>;
  testId: string;
};

/** One small accessible form for sign-in, owner setup and invite acceptance. */
export function AuthForm({ title, intro, fields, submitLabel, onSubmit, testId }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      data-testid={testId}
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const values = Object.fromEntries(new FormData(e.currentTarget).entries()) as Record<string, string>;
        const problem = await onSubmit(values).catch(() => "The server could not be reached.");
        setBusy(false);
        if (problem) setError(problem);
      }}
    >
      <h1 className="text-lg font-semibold">{title}</h1>
      {intro && <p className="text-sm text-zinc-600 dark:text-zinc-400">{intro}</p>}
      {fields.map((f) => (
        <div key={f.name} className="space-y-1">
          <label htmlFor={`field-${f.name}`} className="block text-xs font-medium">
            {f.label}
          </label>
          <Input
            size="md"
            id={`field-${f.name}`}
            name={f.name}
            type={f.type}
            required
            minLength={f.name === "password" ? 8 : undefined}
            autoComplete={f.autoComplete}
            defaultValue={f.defaultValue}
            readOnly={f.readOnly}
            data-testid={`field-${f.name}`}
            className="w-full"
          />
        </div>
      ))}
      {error && (
        <p role="alert" data-testid="auth-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={busy} data-testid="auth-submit" className="w-full">
        {busy ? "Working…" : submitLabel}
      </Button>
    </form>
  );
}

async function errorOf(response: Response): Promise<string | null> {
  if (response.ok) return null;
  const body = await response.json().catch(() => null);
  return body?.error?.message ?? body?.message ?? `The server answered ${response.status}.`;
}

/** Better Auth's password sign-in; the session cookie comes back on the response. */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  const response = await fetch("/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (response.status === 401) return "Wrong email or password.";
  if (response.status === 403) return (await errorOf(response)) ?? "This account may not sign in.";
  return errorOf(response);
}

export async function postJson(url: string, body: unknown): Promise<string | null> {
  return errorOf(await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}
