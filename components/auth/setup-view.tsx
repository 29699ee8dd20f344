"use client";

import { AuthForm, postJson, signInWithPassword } from "./auth-form";

export function SetupView() {
  return (
    <main className="mx-auto mt-16 max-w-sm p-4">
      <AuthForm
        testId="setup-form"
        title="Create the owner account"
        intro="This playground has no owner yet. The owner manages users, invites, budgets and provider access. Runs made before sign-in was switched on become the owner's."
        fields={[
          { name: "name", label: "Name", type: "text", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password (8 characters or more)", type: "password", autoComplete: "new-password" },
        ]}
        submitLabel="Create the owner account"
        onSubmit={async (v) => {
          const problem = (await postJson("/api/setup", v)) ?? (await signInWithPassword(v.email ?? "", v.password ?? ""));
          if (!problem) window.location.href = "/";
          return problem;
        }}
      />
    </main>
  );
}
