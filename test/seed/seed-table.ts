// Reads the parameter tables of the provider pages as captured in text form
// (columns run together, e.g. "temperaturenumberno0.7Sampling ... · Range: 0 – 2").

export type SeedParam = {
  name: string;
  type: string;
  default: string | number | boolean | undefined;
  min?: number;
  max?: number;
  allowed?: string[];
  description: string;
};

function parseDefault(raw: string | undefined): SeedParam["default"] {
  if (raw === undefined || raw === "-" || raw === "—") return undefined;
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw.startsWith('"')) return raw.slice(1, -1);
  return Number(raw);
}

function withDetails(param: Omit<SeedParam, "min" | "max" | "allowed">): SeedParam {
  const range = param.description.match(/· Range: (-?[\d.]+) – (-?[\d.]+)/);
  const allowed = param.description.match(/· Allowed: (.+)$/);
  return {
    ...param,
    description: param.description.replace(/\s*· (Range|Allowed): .*$/, "").trim(),
    ...(range ? { min: Number(range[1]), max: Number(range[2]) } : {}),
    ...(allowed ? { allowed: allowed[1]!.split(",").map((s) => s.trim()) } : {}),
  };
}

const EMPIRIO_ROW = /^([a-z_]+?)(number|integer|boolean|string|enum|object|array)(no|yes)("[^"]*"|-?\d+(?:\.\d+)?(?=[A-Z])|true|false|-)?(.*)$/;
const OPENROUTER_ROW = /^([a-z_]+?)(map|integer|float|string or object|array|boolean)(—|-?\d+(?:\.\d+)?)(.*)$/;

/** Every parameter table of an EmpirioLabs page, in page order. */
export function parseEmpirioTables(page: string): SeedParam[][] {
  const tables: SeedParam[][] = [];
  const lines = page.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "ParameterTypeRequiredDefaultDescription") continue;
    const rows: SeedParam[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const match = lines[j]!.trim().match(EMPIRIO_ROW);
      if (!match) break;
      rows.push(withDetails({ name: match[1]!, type: match[2]!, default: parseDefault(match[4]), description: match[5]!.trim() }));
    }
    tables.push(rows);
  }
  return tables;
}

/** The parameter table of an OpenRouter model page. */
export function parseOpenRouterTable(page: string): SeedParam[] {
  const lines = page.split("\n");
  const start = lines.findIndex((l) => l.trim() === "NameTypeDefaultDescription");
  const rows: SeedParam[] = [];
  for (let j = start + 1; start >= 0 && j < lines.length; j++) {
    const match = lines[j]!.trim().match(OPENROUTER_ROW);
    if (!match) break;
    rows.push({ name: match[1]!, type: match[2]!, default: parseDefault(match[3]), description: match[4]!.trim() });
  }
  return rows;
}
