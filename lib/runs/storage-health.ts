import "server-only";
import { AppError } from "@/lib/http/app-error";

// The last time this process failed to write a run (a full disk, a database
// that refuses writes). /api/ready reports it for a while, so a load balancer
// stops sending runs here until writes work again.

const REMEMBER_MS = 30_000;
const holder = globalThis as unknown as { playgroundStorageFailure?: { at: number; message: string } };

export function noteStorageFailure(error: unknown): void {
  holder.playgroundStorageFailure = { at: Date.now(), message: error instanceof Error ? error.message : String(error) };
}

/** The failure of the last 30 s, if any. */
export function recentStorageFailure(now = Date.now()): { at: number; message: string } | null {
  const failure = holder.playgroundStorageFailure;
  return failure && now - failure.at < REMEMBER_MS ? failure : null;
}

export function storageUnavailable(): AppError {
  return new AppError("storage_unavailable", "The run could not be recorded (the database refused the write), so it was stopped before anything was half-written. Try again once storage is back.");
}
