"use client";

import { CodeTextarea } from "@/components/ui/code-textarea";
import { useState } from "react";
import { presetFormat, responseFormatProblem, SCHEMA_PRESETS, type JsonSchemaFormat } from "@/lib/structured-output/response-format";
import { JsonEditor } from "@/components/playground/json-editor";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Checkbox } from "@/components/ui/checkbox";

// `response_format` as a small form: free text, any JSON, or JSON that matches
// a schema (with presets, a name, strict mode and the schema itself), checked
// as you type; or the raw JSON value. A problem blocks sending with its reason.

type Props = { id: string; value: unknown; example?: string; onChange: (value: unknown) => void; onError: (message: string | null) => void };
type Mode = "unset" | "text" | "json_object" | "json_schema";


function modeOf(value: unknown): Mode {
  const type = (value as { type?: unknown } | undefined)?.type;
  return type === "text" || type === "json_object" || type === "json_schema" ? type : "unset";
}

function schemaParts(value: unknown): { name: string; strict: boolean; schema: string } {
  const spec = modeOf(value) === "json_schema" ? (value as JsonSchemaFormat).json_schema : undefined;
  return { name: spec?.name ?? "answer", strict: spec?.strict ?? true, schema: JSON.stringify(spec?.schema ?? SCHEMA_PRESETS[0]!.schema, null, 2) };
}

export function ResponseFormatEditor({ id, value, example, onChange, onError }: Props) {
  const [raw, setRaw] = useState(false);
  const [mode, setMode] = useState<Mode>(() => modeOf(value));
  const [parts, setParts] = useState(() => schemaParts(value));
  const [problem, setProblem] = useState<string | null>(() => responseFormatProblem(value));

  const emit = (next: unknown) => {
    const error = responseFormatProblem(next);
    setProblem(error);
    onError(error);
    if (!error) onChange(next);
  };
  const emitSchema = (next: typeof parts) => {
    setParts(next);
    let schema: unknown;
    try {
      schema = JSON.parse(next.schema);
    } catch (error) {
      const message = `the schema is not valid JSON (${error instanceof Error ? error.message : "parse error"})`;
      setProblem(message);
      onError(message);
      return;
    }
    emit({ type: "json_schema", json_schema: { name: next.name, strict: next.strict, schema } });
  };

  if (raw) {
    return (
      <div className="space-y-1">
        <button type="button" data-testid="response-format-form" className="text-[11px] underline" onClick={() => { setMode(modeOf(value)); setParts(schemaParts(value)); setRaw(false); }}>
          Edit with the form
        </button>
        <JsonEditor
          id={id}
          value={value}
          expect="object"
          example={example}
          onChange={(next) => emit(next)}
          onSyntaxError={(message) => { setProblem(message); onError(message); }}
        />
      </div>
    );
  }

  return (
    <div data-testid="response-format-editor" className="space-y-1.5 text-[11px]">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id}>Answer as</label>
        <NativeSelect
          size="xs"
          id={id}
          data-testid="response-format-mode"
          value={mode}
          onChange={(e) => {
            const next = e.target.value as Mode;
            setMode(next);
            if (next === "unset") { setProblem(null); onError(null); onChange(undefined); }
            else if (next === "json_schema") emitSchema(parts);
            else emit({ type: next });
          }}
          className="font-mono"
        >
          <option value="unset">(not set)</option>
          <option value="text">text</option>
          <option value="json_object">any JSON object</option>
          <option value="json_schema">JSON matching a schema</option>
        </NativeSelect>
        <button type="button" data-testid="response-format-raw" className="ml-auto underline" onClick={() => setRaw(true)}>
          Edit as JSON
        </button>
      </div>
      {mode === "json_schema" && (
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-preset`}>Preset</label>
            <NativeSelect
              size="xs"
              id={`${id}-preset`}
              data-testid="response-format-preset"
              value=""
              onChange={(e) => {
                const preset = SCHEMA_PRESETS.find((p) => p.id === e.target.value);
                if (!preset) return;
                const format = presetFormat(preset, parts.strict);
                emitSchema({ name: format.json_schema.name, strict: parts.strict, schema: JSON.stringify(format.json_schema.schema, null, 2) });
              }}
            >
              <option value="">Choose…</option>
              {SCHEMA_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </NativeSelect>
            <label className="ml-auto inline-flex items-center gap-1">
              <Checkbox data-testid="response-format-strict" checked={parts.strict} onChange={(e) => emitSchema({ ...parts, strict: e.target.checked })} />
              strict
            </label>
          </div>
          <label htmlFor={`${id}-name`} className="block">
            Schema name
          </label>
          <Input size="xs" id={`${id}-name`} data-testid="response-format-name" value={parts.name} onChange={(e) => emitSchema({ ...parts, name: e.target.value })} className="w-full font-mono" />
          <label htmlFor={`${id}-schema`} className="block">
            Schema
          </label>
          <CodeTextarea
            id={`${id}-schema`}
            data-testid="response-format-schema"
            value={parts.schema}
            minRows={4}
            maxRows={14}
            aria-invalid={Boolean(problem)}
            onChange={(e) => emitSchema({ ...parts, schema: e.target.value })}
          />
        </div>
      )}
      {mode !== "unset" && !problem && <p className="text-muted">{mode === "json_schema" ? "Each answer is checked against this schema." : mode === "json_object" ? "Each answer is checked to be JSON." : "Plain text answers."}</p>}
    </div>
  );
}
