import fc from "fast-check";

// What an attacker sends: wrong types, missing and extra fields, prototype
// keys, huge strings, deep nesting, odd unicode and encodings.

const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\uFFFF", "\uD800", "﷽", "𝕏", "\u202E", "../../etc/passwd", "%ff", "%00", "<script>alert(1)</script>", "'; DROP TABLE runs; --", "__proto__", "constructor", "NaN", "-1", "1e309"),
  fc.constant("x".repeat(300_000)),
);

/** Nested arrays or objects, shallow to far past any sane depth. */
const deep = fc.tuple(fc.integer({ min: 1, max: 12_000 }), fc.boolean()).map(([n, arrays]) => ({ __rawJson: arrays ? `${"[".repeat(n)}${"]".repeat(n)}` : `${'{"a":'.repeat(n)}1${"}".repeat(n)}` }));

const protoKeys = fc.constantFrom(
  { __rawJson: '{"__proto__":{"admin":true,"isOwner":true}}' },
  { __rawJson: '{"constructor":{"prototype":{"polluted":1}}}' },
  { __rawJson: '{"__proto__":null,"provider":"simulator"}' },
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: oddString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, -0, [], {}) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: protoKeys },
);

/** A record shaped like `shape`, each field kept, dropped, or replaced by something hostile, plus extra fields. */
export function mutated(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([k, valid]) => [k, fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(undefined) })]),
  );
  return fc.tuple(fc.record(fields), fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "prototype")), anyValue, { maxKeys: 2 })).map(([base, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(extra)) out[k] = v;
    for (const [k, v] of Object.entries(base)) if (v !== undefined) out[k] = v;
    return out;
  });
}

/** A request body: hostile or shaped, as JSON text, or not JSON at all. */
export function body(shape: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: shape.map(toJson) },
    { weight: 2, arbitrary: anyValue.map(toJson) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "nul", "[1,]", '{"a":1}{"b":2}', "\uFEFF{}", "\u0000") },
  );
}

/** JSON text; a `__rawJson` marker (deep nesting, prototype keys) is spliced in as written. */
function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v && typeof v === "object" && "__rawJson" in v) {
      raws.push((v as { __rawJson: string }).__rawJson);
      return `__RAW_${raws.length - 1}__`;
    }
    return v;
  });
  return (text ?? "null").replace(/"__RAW_(\d+)__"/g, (_m, i) => raws[Number(i)]!);
}

/** A path segment: plausible ids, garbage, and malformed percent-encoding. */
export const segment = fc.oneof(
  fc.uuid(),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/),
  // (a literal ".." is resolved by the client before sending: "%2e%2e" reaches the server)
  fc.constantFrom("%ff", "%", "%zz", "%E0%A4%A", "%2e%2e", "%2E.", "%00", "a%2Fb", "x".repeat(3000), "%F0%9F%98%80"),
  fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s) || "x"),
);

export const query = fc.oneof(
  fc.constant(""),
  fc.dictionary(fc.constantFrom("limit", "cursor", "q", "status", "provider", "model", "from", "to", "download", "run", "fork", "t", "group", "next", "x"), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("-1", "1e9", "%ff", "NaN", "0", "[]")), { maxKeys: 3 }).map(
    (q) => `?${Object.entries(q).map(([k, v]) => `${k}=${v.startsWith("%") ? v : encodeURIComponent(v)}`).join("&")}`,
  ),
);

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const;
