import { redirect } from "next/navigation";
import { SignInView } from "@/components/auth/sign-in-view";
import { currentActor } from "@/lib/auth/page-actor";
import { safeNext } from "@/lib/auth/safe-next";
import { needsOwnerSetup } from "@/lib/auth/users";
import { authEnv } from "@/lib/env";

export const metadata = { title: "Sign in · LLM Playground" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const next = safeNext(query.next);
  const env = authEnv();
  if (env.mode === "none") redirect(next);
  if (await currentActor()) redirect(next);
  if (env.mode === "header") {
    return (
      <main className="mx-auto mt-16 max-w-md space-y-2 p-4">
        <h1 className="text-lg font-semibold">Sign in through your access proxy</h1>
        <p className="text-sm">This playground trusts only a signed identity from the proxy in front of it. Open it through that proxy (for example Cloudflare Access or oauth2-proxy).</p>
      </main>
    );
  }
  if (env.mode === "password" && (await needsOwnerSetup())) redirect("/setup");
  const error = typeof query.error === "string" ? query.error.slice(0, 100) : null;
  return <SignInView next={next} password={env.passwordEnabled} oidcName={env.oidc?.name ?? null} error={error} />;
}
