"use client";

import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";
import { Input } from "@/components/ui/input";

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
    <Input
      size="xs"
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
      className={cn("w-24 px-2 text-right font-mono", className)}
    />
  );
}
