"use client";

import { AuthForm, postJson, signInWithPassword } from "./auth-form";

export function InviteView({ token, role, email }: { token: string; role: string; email: string | null }) {
  return (
    <main className="mx-auto mt-16 max-w-sm p-4">
      <AuthForm
        testId="invite-form"
        title="Join the LLM Playground"
        intro={`You are invited as ${role}. Choose your name and a password.`}
        fields={[
          { name: "name", label: "Name", type: "text", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email", defaultValue: email ?? undefined, readOnly: Boolean(email) },
          { name: "password", label: "Password (8 characters or more)", type: "password", autoComplete: "new-password" },
        ]}
        submitLabel="Create my account"
        onSubmit={async (v) => {
          const problem = (await postJson(`/api/invites/${encodeURIComponent(token)}/accept`, v)) ?? (await signInWithPassword(v.email ?? "", v.password ?? ""));
          if (!problem) window.location.href = "/";
          return problem;
        }}
      />
    </main>
  );
}
