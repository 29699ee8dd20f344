import { InviteView } from "@/components/auth/invite-view";
import { describeInvite } from "@/lib/team/invites";

export const metadata = { title: "Accept your invitation · LLM Playground", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await describeInvite(token);
  if (!invite.ok) {
    return (
      <main className="mx-auto mt-16 max-w-sm space-y-2 p-4">
        <h1 className="text-lg font-semibold">Invitation</h1>
        <p role="alert" data-testid="invite-unusable" className="text-sm">
          {invite.reason}
        </p>
      </main>
    );
  }
  return <InviteView token={token} role={invite.role} email={invite.email} />;
}
