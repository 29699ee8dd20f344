import "server-only";
import type { RunRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/policy";
import { authEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";

// Private by default: a run belongs to its author. The author may share it
// with the team; admins see everyone's metadata and costs but not the text,
// unless ADMIN_CAN_READ_RUNS=true. Someone else's private run is "not found".

export function readsAllContent(actor: Actor): boolean {
  return isAdmin(actor.role) && authEnv().adminCanReadRuns;
}

export function canReadContent(row: Pick<RunRow, "userId" | "visibility">, actor: Actor): boolean {
  return row.userId === actor.id || row.visibility === "team" || readsAllContent(actor);
}

function canSeeMetadata(row: Pick<RunRow, "userId" | "visibility">, actor: Actor): boolean {
  return canReadContent(row, actor) || isAdmin(actor.role);
}

export function notFound(id: string): AppError {
  return new AppError("not_found", `No run with id ${id}.`);
}

/** The run if the actor may see it at all; 404 otherwise (ids are never confirmed). */
export function requireVisible(row: RunRow | undefined, id: string, actor: Actor): RunRow {
  if (!row || !canSeeMetadata(row, actor)) throw notFound(id);
  return row;
}

/** Only the author changes who sees a run (share links, team visibility). */
export function requireAuthor(row: RunRow | undefined, id: string, actor: Actor): RunRow {
  const visible = requireVisible(row, id, actor);
  if (visible.userId !== actor.id) throw new AppError("not_author", "Only the person who ran this can share it or change who sees it.");
  return visible;
}

/** The text of someone else's private run, blanked for an admin's metadata view; its files and share link go with it. */
function hideContent(row: RunRow): RunRow {
  return {
    ...row,
    attachmentsSent: [],
    shareId: null,
    system: null,
    messages: [],
    promptText: "",
    outputText: "",
    outputReasoning: "",
    toolCalls: [],
    errorMessage: row.errorMessage ? "(hidden)" : null,
  };
}

export function forActor(row: RunRow, actor: Actor): RunRow & { contentHidden: boolean } {
  return canReadContent(row, actor) ? { ...row, contentHidden: false } : { ...hideContent(row), contentHidden: true };
}
