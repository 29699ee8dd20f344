"use client";

import { childPointer, type AnswerError } from "@/lib/structured-output/check-answer";

// A JSON value as a collapsible tree (native <details>, so keyboard and screen
// readers work without script), with schema errors marked at the value they
// are about and counted on every ancestor.

type Props = { value: unknown; errors: AnswerError[] };

function errorsUnder(errors: AnswerError[], pointer: string): number {
  return errors.filter((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`)).length;
}

function Leaf({ value }: { value: unknown }) {
  const tone = typeof value === "string" ? "text-emerald-700 dark:text-emerald-400" : value === null ? "text-muted" : "text-sky-700 dark:text-sky-400";
  return <span className={tone}>{JSON.stringify(value)}</span>;
}

function ErrorNotes({ errors, pointer }: { errors: AnswerError[]; pointer: string }) {
  const own = errors.filter((e) => e.pointer === pointer);
  if (own.length === 0) return null;
  return (
    <ul className="ml-4 list-none">
      {own.map((e, i) => (
        <li key={i} data-testid="json-tree-error" data-pointer={pointer} className="text-red-700 dark:text-red-400">
          ✗ {e.message}
        </li>
      ))}
    </ul>
  );
}

function Node({ name, value, pointer, errors }: { name: string | null; value: unknown; pointer: string; errors: AnswerError[] }) {
  const label = name === null ? null : <span className="text-zinc-700 dark:text-zinc-300">{name}: </span>;
  const bad = errorsUnder(errors, pointer);
  const marker = bad > 0 ? "border-l-2 border-red-500 pl-1" : "";
  if (value === null || typeof value !== "object") {
    return (
      <li data-testid="json-tree-node" data-pointer={pointer} data-invalid={bad > 0} className={marker}>
        {label}
        <Leaf value={value} />
        <ErrorNotes errors={errors} pointer={pointer} />
      </li>
    );
  }
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <li data-testid="json-tree-node" data-pointer={pointer} data-invalid={bad > 0} className={marker}>
      <details open>
        <summary className="cursor-pointer">
          {label}
          <span className="text-muted">{summary}</span>
          {bad > 0 && <span className="ml-2 rounded bg-red-100 px-1 text-[10px] font-medium text-red-800 dark:bg-red-900/40 dark:text-red-300">{bad} {bad === 1 ? "error" : "errors"}</span>}
        </summary>
        <ErrorNotes errors={errors} pointer={pointer} />
        <ul className="ml-4 list-none">
          {entries.map(([key, child]) => (
            <Node key={key} name={String(key)} value={child} pointer={childPointer(pointer, key)} errors={errors} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function JsonTree({ value, errors }: Props) {
  return (
    <ul data-testid="json-tree" className="list-none font-mono text-xs leading-5">
      <Node name={null} value={value} pointer="" errors={errors} />
    </ul>
  );
}
