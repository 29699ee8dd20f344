"use client";

/** Download the same backup `npm run backup` writes, as one .tar.gz for `npm run restore -- <file>`. */
export function BackupPanel({ canDownload }: { canDownload: boolean }) {
  return (
    <section aria-labelledby="backup-heading" className="space-y-2 text-xs">
      <h2 id="backup-heading" className="text-sm font-semibold">Backup</h2>
      <p>
        A consistent snapshot of the database (taken while runs stream) and every upload, with a sha256 manifest. Restore it with{" "}
        <code>npm run restore -- playground-backup-….tar.gz</code> while the server is stopped.
      </p>
      {canDownload ? (
        <a href="/api/admin/backup" download data-testid="backup-download" className="inline-flex h-8 items-center rounded border border-zinc-300 px-3 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Download backup
        </a>
      ) : (
        <p role="note">A backup holds everyone&apos;s runs, so only the owner downloads it (or admins, with ADMIN_CAN_READ_RUNS=true).</p>
      )}
    </section>
  );
}
