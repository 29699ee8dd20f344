"use client";

import { PageHeader } from "@/components/auth/page-header";
import { AccessPanel } from "./access-panel";
import { AuditPanel } from "./audit-panel";
import { BackupPanel } from "./backup-panel";
import { InstanceBudgetPanel } from "./instance-budget-panel";
import { InvitesPanel } from "./invites-panel";
import { UsersPanel } from "./users-panel";

type Props = { me: { id: string; role: string }; offerings: { key: string; label: string }[]; canDownloadBackup: boolean };

/** /admin: users, invites, provider/model access, spend by user this month, the audit log, backups. */
export function AdminView({ me, offerings, canDownloadBackup }: Props) {
  return (
    <div className="mx-auto max-w-6xl space-y-6 p-4">
      <PageHeader title="Admin" />
      <main className="space-y-8">
        <UsersPanel me={me} />
        <InstanceBudgetPanel />
        <InvitesPanel me={me} />
        <AccessPanel offerings={offerings} />
        <AuditPanel />
        <BackupPanel canDownload={canDownloadBackup} />
      </main>
    </div>
  );
}
