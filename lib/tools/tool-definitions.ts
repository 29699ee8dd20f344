// Function tools as the form edits them (one row per tool, its parameters as
// JSON-schema text) and as OpenAI's `tools` array sends them, with the checks
// a provider would otherwise fail the run on.

export type ToolRow = { name: string; description: string; parameters: string };
type OpenAiFunctionTool = { type: "function"; function: { name: string; description?: string; parameters: Record<string, unknown> } };

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export const TOOL_PRESETS: { label: string; row: ToolRow }[] = [
  {
    label: "get_weather",
    row: {
      name: "get_weather",
      description: "Current weather for a city.",
      parameters: JSON.stringify({ type: "object", properties: { city: { type: "string", description: "City name" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } }, required: ["city"] }, null, 2),
    },
  },
  {
    label: "search_docs",
    row: {
      name: "search_docs",
      description: "Search the product documentation.",
      parameters: JSON.stringify({ type: "object", properties: { query: { type: "string" }, limit: { type: "integer", minimum: 1, maximum: 20 } }, required: ["query"] }, null, 2),
    },
  },
];

export const EMPTY_ROW: ToolRow = { name: "", description: "", parameters: JSON.stringify({ type: "object", properties: {} }, null, 2) };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Rows for a tools value (what the form shows); entries that are not function tools are dropped. */
export function rowsFromTools(value: unknown): ToolRow[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): ToolRow[] => {
    const fn = isObject(entry) && isObject(entry.function) ? entry.function : null;
    if (!fn) return [];
    return [{ name: String(fn.name ?? ""), description: typeof fn.description === "string" ? fn.description : "", parameters: JSON.stringify(fn.parameters ?? { type: "object", properties: {} }, null, 2) }];
  });
}

export type RowsCheck = { tools: OpenAiFunctionTool[]; errors: (string | null)[]; firstError: string | null };

/** The tools array for rows, and each row's problem (null when it is fine). */
export function toolsFromRows(rows: ToolRow[]): RowsCheck {
  const seen = new Set<string>();
  const tools: OpenAiFunctionTool[] = [];
  const errors = rows.map((row, i): string | null => {
    const where = `tool ${i + 1}`;
    if (!NAME.test(row.name)) return `${where}: the name must be 1–64 letters, digits, _ or -`;
    if (seen.has(row.name)) return `${where}: "${row.name}" is defined twice`;
    seen.add(row.name);
    let parameters: unknown;
    try {
      parameters = row.parameters.trim() ? JSON.parse(row.parameters) : { type: "object", properties: {} };
    } catch (error) {
      return `${where}: parameters are not valid JSON (${error instanceof Error ? error.message : "parse error"})`;
    }
    if (!isObject(parameters) || parameters.type !== "object") return `${where}: parameters must be a JSON schema with "type": "object"`;
    if (parameters.properties !== undefined && !isObject(parameters.properties)) return `${where}: parameters.properties must be an object`;
    tools.push({ type: "function", function: { name: row.name, ...(row.description.trim() ? { description: row.description.trim() } : {}), parameters } });
    return null;
  });
  return { tools, errors, firstError: errors.find((e) => e !== null) ?? null };
}

/** A problem with a tools value given as JSON, or null. */
export function toolsProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) return "tools must be a JSON array";
  for (const [i, entry] of value.entries()) {
    if (!isObject(entry) || entry.type !== "function" || !isObject(entry.function)) return `tool ${i + 1}: each tool is { "type": "function", "function": { "name", "description", "parameters" } }`;
  }
  return toolsFromRows(rowsFromTools(value)).firstError;
}
