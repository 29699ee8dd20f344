import { describe, expect, it } from "vitest";
import { checkAnswer, childPointer } from "./check-answer";
import { expectedJson, presetFormat, responseFormatProblem, SCHEMA_PRESETS } from "./response-format";

const schema = {
  type: "object",
  properties: { code: { type: "string", pattern: "^[A-Z]{3}$" }, n: { type: "integer" }, tags: { type: "array", items: { type: "string" } } },
  required: ["code", "n", "gone"],
  additionalProperties: false,
};

describe("response_format", () => {
  it("every preset is a format a strict provider takes", () => {
    for (const preset of SCHEMA_PRESETS) expect(responseFormatProblem(presetFormat(preset))).toBeNull();
  });

  it("names what a provider would refuse", () => {
    expect(responseFormatProblem({ type: "xml" })).toMatch(/type must be/);
    expect(responseFormatProblem({ type: "json_schema", json_schema: { name: "has space", schema: {} } })).toMatch(/name must be/);
    expect(responseFormatProblem({ type: "json_schema", json_schema: { name: "x", schema: { type: "object", properties: { a: { type: "strin" } } } } })).toMatch(/schema.properties.a.type: unknown type "strin"/);
    expect(responseFormatProblem({ type: "json_schema", json_schema: { name: "x", schema: { type: "object", properties: { a: { type: "string" } }, required: ["b"] } } })).toMatch(/"b" is required but not among the properties/);
    expect(responseFormatProblem({ type: "json_schema", json_schema: { name: "x", schema: { type: "string", pattern: "(" } } })).toMatch(/not a valid regular expression/);
  });

  it("applies strict mode's rules only when strict is on", () => {
    const loose = { type: "object", properties: { a: { type: "string" } } };
    expect(responseFormatProblem({ type: "json_schema", json_schema: { name: "x", schema: loose } })).toBeNull();
    const strict = responseFormatProblem({ type: "json_schema", json_schema: { name: "x", strict: true, schema: loose } });
    expect(strict).toMatch(/additionalProperties: false/);
    expect(strict).toMatch(/missing "a"/);
  });

  it("knows which answers to check", () => {
    expect(expectedJson({ type: "json_object" })).toBe(true);
    expect(expectedJson({ type: "json_schema", json_schema: { name: "x", schema } })).toBe(schema);
    expect(expectedJson({ type: "text" })).toBeNull();
    expect(expectedJson(undefined)).toBeNull();
  });
});

describe("an answer checked against its schema", () => {
  it("puts each error at the value it is about, once", () => {
    const check = checkAnswer('```json\n{"code":"abc","n":1.5,"tags":["a",2],"extra":1}\n```', schema);
    expect(check.kind).toBe("checked");
    if (check.kind !== "checked") return;
    expect(check.value).toMatchObject({ code: "abc", n: 1.5 });
    expect(check.errors).toEqual([
      { pointer: "", message: 'Instance does not have required property "gone".' },
      { pointer: "/code", message: "String does not match pattern." },
      { pointer: "/n", message: 'Instance type "number" is invalid. Expected "integer".' },
      { pointer: "/tags/1", message: 'Instance type "number" is invalid. Expected "string".' },
      { pointer: "/extra", message: "Not allowed by the schema." },
    ]);
  });

  it("passes a matching answer and says when an answer is not JSON", () => {
    expect(checkAnswer('{"code":"ABC","n":2,"gone":null}', { ...schema, required: ["code"] })).toEqual({ kind: "checked", value: { code: "ABC", n: 2, gone: null }, errors: [{ pointer: "/gone", message: "Not allowed by the schema." }] });
    expect(checkAnswer('{"a": 1}', true)).toEqual({ kind: "checked", value: { a: 1 }, errors: [] });
    expect(checkAnswer('{"a": ', true)).toMatchObject({ kind: "not-json" });
  });

  it("escapes pointers as RFC 6901 asks", () => {
    expect(childPointer("", "a/b~c")).toBe("/a~1b~0c");
    expect(childPointer("/list", 3)).toBe("/list/3");
  });
});
