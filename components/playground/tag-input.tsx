"use client";

import { useState } from "react";

type Props = { id: string; value: string[]; maxItems: number; onChange: (value: string[] | undefined) => void };

export function TagInput({ id, value, maxItems, onChange }: Props) {
  const [draft, setDraft] = useState("");
  const full = value.length >= maxItems;
  const add = () => {
    if (!draft || full || value.includes(draft)) return;
    onChange([...value, draft]);
    setDraft("");
  };
  return (
    <div data-testid={`tag-box-${id.replace(/^param-/, "")}`} className="flex flex-wrap items-center gap-1 rounded border border-zinc-300 bg-white p-1 focus-within:ring-2 focus-within:ring-blue-500 dark:border-zinc-700 dark:bg-zinc-900">
      {value.map((tag) => (
        <span key={tag} className="inline-flex items-center gap-1 rounded bg-zinc-200 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
          {JSON.stringify(tag)}
          <button
            type="button"
            aria-label={`Remove ${tag}`}
            className="text-muted hover:text-zinc-900 dark:hover:text-zinc-100"
            onClick={() => {
              const next = value.filter((t) => t !== tag);
              onChange(next.length ? next : undefined);
            }}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        data-testid={`param-input-${id.replace(/^param-/, "")}`}
        value={draft}
        disabled={full}
        placeholder={full ? `max ${maxItems}` : "type, then Enter"}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add();
          }
        }}
        onBlur={add}
        className="min-w-20 flex-1 bg-transparent px-1 font-mono text-xs outline-none"
      />
    </div>
  );
}
