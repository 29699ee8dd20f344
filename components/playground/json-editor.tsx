"use client";

import { useEffect, useState } from "react";
import { CodeTextarea } from "@/components/ui/code-textarea";

type Props = {
  id: string;
  value: unknown;
  expect: "object" | "array" | "object_or_string";
  example?: string;
  onChange: (value: unknown) => void;
  onSyntaxError: (message: string | null) => void;
};

function shapeError(value: unknown, expect: Props["expect"]): string | null {
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  if (expect === "array" && !Array.isArray(value)) return "must be a JSON array";
  if (expect === "object" && !isObject) return "must be a JSON object";
  if (expect === "object_or_string" && !isObject && typeof value !== "string") return "must be a JSON object or a string";
  return null;
}

/** JSON text area that validates as you type; only valid JSON reaches the parameter value. */
export function JsonEditor({ id, value, expect, example, onChange, onSyntaxError }: Props) {
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (value === undefined) {
      setText("");
      setError(null);
    }
  }, [value]);

  return (
    <div>
      <CodeTextarea
        id={id}
        data-testid={`param-input-${id.replace(/^param-/, "")}`}
        value={text}
        minRows={2}
        maxRows={8}
        placeholder={example}
        aria-invalid={Boolean(error)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === "") {
            setError(null);
            onSyntaxError(null);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            const shape = shapeError(parsed, expect);
            setError(shape);
            onSyntaxError(shape);
            if (!shape) onChange(parsed);
          } catch (err) {
            const message = `invalid JSON: ${err instanceof Error ? err.message : "parse error"}`;
            setError(message);
            onSyntaxError(message);
          }
        }}
      />
    </div>
  );
}
