"use client";

import { Button } from "@/components/ui/button";
import { AuthForm, signInWithPassword } from "./auth-form";

type Props = { next: string; password: boolean; oidcName: string | null; error: string | null };

export function SignInView({ next, password, oidcName, error }: Props) {
  const sso = async () => {
    const response = await fetch("/api/auth/sign-in/social", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider: "oidc", callbackURL: next, errorCallbackURL: "/sign-in" }) });
    const body = await response.json().catch(() => null);
    if (body?.url) window.location.href = body.url;
  };
  return (
    <main className="mx-auto mt-16 max-w-sm space-y-6 p-4">
      {error && (
        <p role="alert" data-testid="sign-in-error" className="text-sm text-red-700 dark:text-red-400">
          Sign-in failed ({error}).
        </p>
      )}
      {oidcName && (
        <div className="space-y-2">
          <h1 className="text-lg font-semibold">Sign in to the LLM Playground</h1>
          <Button variant="primary" data-testid="sign-in-oidc" className="w-full" onClick={() => void sso()}>
            Sign in with {oidcName}
          </Button>
        </div>
      )}
      {password && (
        <AuthForm
          testId="sign-in-form"
          title={oidcName ? "Or with a password" : "Sign in to the LLM Playground"}
          fields={[
            { name: "email", label: "Email", type: "email", autoComplete: "email" },
            { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
          ]}
          submitLabel="Sign in"
          onSubmit={async (v) => {
            const problem = await signInWithPassword(v.email ?? "", v.password ?? "");
            if (!problem) window.location.href = next;
            return problem;
          }}
        />
      )}
      <p className="text-xs text-muted">New here? Ask an admin of this playground for an invite link.</p>
    </main>
  );
}
