import { Validator, type Schema } from "@cfworker/json-schema";

// An answer checked against the structured-output schema it was asked for:
// parsed (a ```json fence around it is tolerated, as models add one), then
// validated, each error kept at the JSON pointer of the value it is about.

export type AnswerError = { pointer: string; message: string };
export type AnswerCheck = { kind: "not-json"; message: string } | { kind: "checked"; value: unknown; errors: AnswerError[] };

// Keywords that only say "something below failed"; the failure below is the one worth showing.
const WRAPPERS = new Set(["properties", "items", "prefixItems", "additionalItems", "allOf", "additionalProperties", "$ref", "$recursiveRef", "$dynamicRef", "dependentSchemas", "unevaluatedProperties", "patternProperties", "then", "else", "contains"]);

function unfenced(text: string): string {
  const fenced = text.trim().match(/^```(?:json)?\s*\n([\s\S]*?)\n?```$/);
  return fenced ? fenced[1]! : text.trim();
}

export function checkAnswer(text: string, schema: Record<string, unknown> | true): AnswerCheck {
  let value: unknown;
  try {
    value = JSON.parse(unfenced(text));
  } catch (error) {
    return { kind: "not-json", message: `The answer is not valid JSON: ${error instanceof Error ? error.message : "parse error"}` };
  }
  if (schema === true) return { kind: "checked", value, errors: [] };
  try {
    const result = new Validator(schema as Schema, "2020-12", false).validate(value);
    const seen = new Set<string>();
    const errors = result.errors
      .filter((e) => !WRAPPERS.has(e.keyword))
      .map((e) => ({ pointer: e.instanceLocation.replace(/^#/, ""), message: e.keyword === "false" ? "Not allowed by the schema." : e.error }))
      .filter((e) => !seen.has(`${e.pointer}\u0000${e.message}`) && seen.add(`${e.pointer}\u0000${e.message}`));
    return { kind: "checked", value, errors };
  } catch (error) {
    return { kind: "checked", value, errors: [{ pointer: "", message: `The schema could not be used: ${error instanceof Error ? error.message : "unknown error"}` }] };
  }
}

/** JSON pointer of a child: RFC 6901 escaping of ~ and /. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}
