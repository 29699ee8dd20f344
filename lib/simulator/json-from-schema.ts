// A value that satisfies a JSON Schema, chosen deterministically from a random
// source: what the simulator answers under response_format json_schema. It
// covers the shapes structured-output clients send (objects with required
// properties, arrays, enums, consts, bounds, anyOf/oneOf, $ref to $defs).

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  default?: unknown;
};

const WORDS = ["latency", "gateway", "price", "token", "signal", "budget", "region", "steady", "window", "route"];

function resolve(schema: Schema, root: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/(\$defs|definitions)\//, "");
  const target = root.$defs?.[name] ?? root.definitions?.[name];
  return target ? resolve(target, root) : {};
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null") ?? "null";
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}

function stringFor(schema: Schema, random: () => number): string {
  if (schema.format === "date-time") return "2026-11-23T12:00:00Z";
  if (schema.format === "date") return "2026-11-23";
  if (schema.format === "email") return "sim@example.com";
  if (schema.format === "uri") return "https://example.com/sim";
  if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
  let text = `${WORDS[Math.floor(random() * WORDS.length)]} ${WORDS[Math.floor(random() * WORDS.length)]}`;
  while (text.length < (schema.minLength ?? 0)) text += ` ${WORDS[Math.floor(random() * WORDS.length)]}`;
  return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
}

function numberFor(schema: Schema, integer: boolean, random: () => number): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.001) : 0);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.001) : low + 100);
  const value = low + random() * Math.max(0, high - low);
  return integer ? Math.min(Math.floor(high), Math.max(Math.ceil(low), Math.round(value))) : Math.round(value * 100) / 100;
}

export function valueForSchema(input: Schema, random: () => number, root: Schema = input, depth = 0): unknown {
  const schema = resolve(input, root);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[Math.floor(random() * schema.enum.length)];
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return valueForSchema(options.find((o) => resolve(o, root).type !== "null") ?? options[0]!, random, root, depth + 1);
  if (schema.allOf?.length) return valueForSchema(Object.assign({}, ...schema.allOf.map((s) => resolve(s, root))), random, root, depth + 1);
  switch (typeOf(schema)) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (depth > 8 && !schema.required?.includes(name)) continue;
        out[name] = valueForSchema(property, random, root, depth + 1);
      }
      return out;
    }
    case "array": {
      const count = Math.max(schema.minItems ?? 1, Math.min(schema.maxItems ?? 2, 2));
      return depth > 8 ? [] : Array.from({ length: count }, () => valueForSchema(schema.items ?? { type: "string" }, random, root, depth + 1));
    }
    case "integer":
      return numberFor(schema, true, random);
    case "number":
      return numberFor(schema, false, random);
    case "boolean":
      return random() < 0.5;
    case "null":
      return null;
    case "string":
      return stringFor(schema, random);
    default:
      return schema.default ?? stringFor(schema, random);
  }
}
