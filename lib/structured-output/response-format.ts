// OpenAI's `response_format`: what the editor offers, what it refuses before
// sending, and which schema an answer is checked against afterwards.

export type JsonSchemaFormat = { type: "json_schema"; json_schema: { name: string; description?: string; strict?: boolean; schema: Record<string, unknown> } };

export type SchemaPreset = { id: string; label: string; name: string; schema: Record<string, unknown> };

export const SCHEMA_PRESETS: SchemaPreset[] = [
  {
    id: "extraction",
    label: "Extract a contact",
    name: "contact",
    schema: {
      type: "object",
      properties: { name: { type: "string" }, email: { type: "string", format: "email" }, company: { type: ["string", "null"] } },
      required: ["name", "email", "company"],
      additionalProperties: false,
    },
  },
  {
    id: "classification",
    label: "Classify sentiment",
    name: "sentiment",
    schema: {
      type: "object",
      properties: { label: { type: "string", enum: ["positive", "neutral", "negative"] }, confidence: { type: "number", minimum: 0, maximum: 1 } },
      required: ["label", "confidence"],
      additionalProperties: false,
    },
  },
  {
    id: "list",
    label: "List of steps",
    name: "steps",
    schema: {
      type: "object",
      properties: {
        steps: { type: "array", minItems: 1, items: { type: "object", properties: { title: { type: "string" }, minutes: { type: "integer", minimum: 1 } }, required: ["title", "minutes"], additionalProperties: false } },
      },
      required: ["steps"],
      additionalProperties: false,
    },
  },
];

export function presetFormat(preset: SchemaPreset, strict = true): JsonSchemaFormat {
  return { type: "json_schema", json_schema: { name: preset.name, strict, schema: structuredClone(preset.schema) } };
}

const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_DEPTH = 32;

type Problem = { path: string; message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Structural mistakes a provider would refuse, and strict mode's extra rules (every property required, no additional properties). */
function lintSchema(schema: unknown, path: string, strict: boolean, depth: number, out: Problem[]): void {
  if (typeof schema === "boolean") return;
  if (!isObject(schema)) return void out.push({ path, message: "a schema must be an object" });
  if (depth > MAX_DEPTH) return void out.push({ path, message: `nested deeper than ${MAX_DEPTH} levels` });
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const t of types) if (typeof t !== "string" || !TYPES.has(t)) out.push({ path: `${path}.type`, message: `unknown type ${JSON.stringify(t)} (use ${[...TYPES].join(", ")})` });
  if (schema.pattern !== undefined) {
    try {
      new RegExp(String(schema.pattern), "u");
    } catch {
      out.push({ path: `${path}.pattern`, message: "not a valid regular expression" });
    }
  }
  if (schema.enum !== undefined && !Array.isArray(schema.enum)) out.push({ path: `${path}.enum`, message: "enum must be an array" });
  if (schema.properties !== undefined) {
    if (!isObject(schema.properties)) out.push({ path: `${path}.properties`, message: "properties must be an object" });
    else for (const [key, sub] of Object.entries(schema.properties)) lintSchema(sub, `${path}.properties.${key}`, strict, depth + 1, out);
  }
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required) || schema.required.some((r) => typeof r !== "string")) out.push({ path: `${path}.required`, message: "required must be an array of property names" });
    else if (isObject(schema.properties)) {
      for (const r of schema.required as string[]) if (!(r in schema.properties)) out.push({ path: `${path}.required`, message: `"${r}" is required but not among the properties` });
    }
  }
  const isObjectSchema = types.includes("object") || (types.length === 0 && schema.properties !== undefined);
  if (strict && isObjectSchema) {
    if (schema.additionalProperties !== false) out.push({ path, message: "strict mode needs additionalProperties: false on every object" });
    const properties = isObject(schema.properties) ? Object.keys(schema.properties) : [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = properties.filter((p) => !required.includes(p));
    if (missing.length) out.push({ path: `${path}.required`, message: `strict mode needs every property required; missing ${missing.map((m) => `"${m}"`).join(", ")} (make a property optional with type [..., "null"])` });
  }
  if (schema.items !== undefined) lintSchema(schema.items, `${path}.items`, strict, depth + 1, out);
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const list = schema[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) out.push({ path: `${path}.${key}`, message: `${key} must be an array of schemas` });
    else list.forEach((sub, i) => lintSchema(sub, `${path}.${key}[${i}]`, strict, depth + 1, out));
  }
  for (const key of ["$defs", "definitions"] as const) {
    const defs = schema[key];
    if (isObject(defs)) for (const [name, sub] of Object.entries(defs)) lintSchema(sub, `${path}.${key}.${name}`, strict, depth + 1, out);
  }
}

/** What is wrong with a response_format value, or null when a provider would take it. */
export function responseFormatProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if (!isObject(value)) return "response_format must be an object";
  if (value.type === "text" || value.type === "json_object") return null;
  if (value.type !== "json_schema") return 'type must be "text", "json_object" or "json_schema"';
  const spec = value.json_schema;
  if (!isObject(spec)) return "json_schema must be an object with a name and a schema";
  if (typeof spec.name !== "string" || !NAME.test(spec.name)) return "json_schema.name must be 1–64 letters, digits, _ or -";
  if (spec.strict !== undefined && typeof spec.strict !== "boolean") return "json_schema.strict must be true or false";
  if (!isObject(spec.schema)) return "json_schema.schema must be a JSON Schema object";
  const problems: Problem[] = [];
  lintSchema(spec.schema, "schema", spec.strict === true, 0, problems);
  return problems.length ? problems.map((p) => `${p.path}: ${p.message}`).join("; ") : null;
}

/** The schema an answer should satisfy: a JSON schema, `true` for any JSON (json_object), or null for free text. */
export function expectedJson(value: unknown): Record<string, unknown> | true | null {
  if (!isObject(value)) return null;
  if (value.type === "json_object") return true;
  if (value.type === "json_schema" && isObject(value.json_schema) && isObject(value.json_schema.schema)) return value.json_schema.schema;
  return null;
}
