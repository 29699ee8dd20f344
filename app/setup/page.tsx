import { redirect } from "next/navigation";
import { SetupView } from "@/components/auth/setup-view";
import { needsOwnerSetup } from "@/lib/auth/users";
import { authEnv } from "@/lib/env";

export const metadata = { title: "Create the owner account · LLM Playground" };

export default async function SetupPage() {
  if (authEnv().mode !== "password" || !(await needsOwnerSetup())) redirect("/sign-in");
  return <SetupView />;
}
