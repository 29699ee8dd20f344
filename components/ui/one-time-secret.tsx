"use client";

import { Button } from "./button";
import { Input } from "./input";

type Props = { id: string; testId: string; label: React.ReactNode; value: string; children?: React.ReactNode };

/** A secret shown once (an invite link, a new API key): selectable, with a copy button. */
export function OneTimeSecret({ id, testId, label, value, children }: Props) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-2 rounded border border-amber-400 bg-amber-50 p-2 text-xs dark:bg-amber-950">
      <label htmlFor={id}>{label}</label>
      <Input
        id={id}
        data-testid={testId}
        readOnly
        value={value}
        onFocus={(e) => e.target.select()}
        className="w-[32rem] max-w-full font-mono"
      />
      <Button size="sm" onClick={() => void navigator.clipboard?.writeText(value)}>
        Copy
      </Button>
      {children}
    </div>
  );
}
