"use client";

import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";

type Props = {
  id: string;
  value: unknown;
  placeholder?: string;
  invalid: boolean;
  onChange: (value: unknown) => void;
  className?: string;
};

/** A number input that keeps what the user typed (even if invalid) so the error can be shown. */
export function NumberField({ id, value, placeholder, invalid, onChange, className }: Props) {
  const [draft, setDraft] = useState(value === undefined ? "" : String(value));
  useEffect(() => {
    setDraft((current) => (Number(current) === value && current !== "" ? current : value === undefined ? "" : String(value)));
  }, [value]);
  return (
    <input
      id={id}
      data-testid={`param-input-${id.replace(/^param-/, "")}`}
      inputMode="decimal"
      value={draft}
      placeholder={placeholder}
      aria-invalid={invalid}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        if (text.trim() === "") onChange(undefined);
        else onChange(Number.isNaN(Number(text)) ? text : Number(text));
      }}
      className={cn(
        "h-7 w-24 rounded border border-zinc-300 bg-white px-2 text-right font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900",
        invalid && "border-red-500 ring-1 ring-red-500",
        className,
      )}
    />
  );
}
