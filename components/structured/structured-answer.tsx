"use client";

import { useMemo, useState } from "react";
import { checkAnswer } from "@/lib/structured-output/check-answer";
import { JsonTree } from "./json-tree";

// A finished answer to a structured-output request: whether it is JSON and
// matches the schema, as a tree with each error at its value; the text view
// stays one click away.

type Props = { text: string; schema: Record<string, unknown> | true; children: React.ReactNode };

export function StructuredAnswer({ text, schema, children }: Props) {
  const check = useMemo(() => checkAnswer(text, schema), [text, schema]);
  const [view, setView] = useState<"tree" | "text">(check.kind === "checked" ? "tree" : "text");
  const verdict =
    check.kind === "not-json"
      ? { tone: "text-red-700 dark:text-red-400", words: check.message }
      : check.errors.length === 0
        ? { tone: "text-emerald-700 dark:text-emerald-400", words: schema === true ? "✓ Valid JSON" : "✓ Matches the schema" }
        : { tone: "text-red-700 dark:text-red-400", words: `✗ ${check.errors.length} schema ${check.errors.length === 1 ? "error" : "errors"}` };
  return (
    <div data-testid="structured-answer" data-valid={check.kind === "checked" && check.errors.length === 0}>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2 text-[11px]">
        <span data-testid="structured-verdict" className={`font-medium ${verdict.tone}`}>
          {verdict.words}
        </span>
        {check.kind === "checked" && (
          <fieldset aria-label="Show the answer as" className="flex gap-2">
            {(["tree", "text"] as const).map((v) => (
              <button key={v} type="button" data-testid={`structured-view-${v}`} aria-pressed={view === v} className={view === v ? "font-semibold underline" : "underline"} onClick={() => setView(v)}>
                {v === "tree" ? "Tree" : "Text"}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      {check.kind === "checked" && view === "tree" ? <JsonTree value={check.value} errors={check.errors} /> : children}
    </div>
  );
}
