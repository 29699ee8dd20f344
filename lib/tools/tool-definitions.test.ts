import { describe, expect, it } from "vitest";
import { validateParams } from "@/lib/params/param-validator";
import { findOffering, loadCatalog } from "@/lib/catalog";
import { rowsFromTools, toolsFromRows, toolsProblem, TOOL_PRESETS } from "./tool-definitions";
import { parseToolResult } from "./tool-result";

describe("tool definitions", () => {
  it("turns form rows into OpenAI function tools and back", () => {
    const { tools, firstError } = toolsFromRows([TOOL_PRESETS[0]!.row, { name: "noop", description: " ", parameters: "" }]);
    expect(firstError).toBeNull();
    expect(tools[0]).toMatchObject({ type: "function", function: { name: "get_weather", description: "Current weather for a city.", parameters: { type: "object", required: ["city"] } } });
    expect(tools[1]).toEqual({ type: "function", function: { name: "noop", parameters: { type: "object", properties: {} } } });
    expect(toolsFromRows(rowsFromTools(tools)).tools).toEqual(tools);
  });

  it("names each row's problem", () => {
    const rows = [
      { name: "get weather", description: "", parameters: "{}" },
      { name: "a", description: "", parameters: "{" },
      { name: "b", description: "", parameters: '{"type":"string"}' },
      { name: "b", description: "", parameters: "{}" },
    ];
    const { errors, tools } = toolsFromRows(rows);
    expect(errors[0]).toMatch(/tool 1: the name must be/);
    expect(errors[1]).toMatch(/tool 2: parameters are not valid JSON/);
    expect(errors[2]).toMatch(/tool 3: parameters must be a JSON schema with "type": "object"/);
    expect(errors[3]).toMatch(/"b" is defined twice/);
    expect(tools).toEqual([]);
  });

  it("refuses, on the server too, tools the SDK would silently drop", () => {
    expect(toolsProblem([{ name: "x" }])).toMatch(/tool 1: each tool is/);
    expect(toolsProblem([{ type: "function", function: { description: "no name" } }])).toMatch(/the name must be/);
    const specs = findOffering(loadCatalog(), "simulator", "qwen3.5-flash")!.params;
    const result = validateParams(specs, { tools: [{ type: "function", function: { name: "has space" } }] });
    expect(result.ok).toBe(false);
    expect(validateParams(specs, { tools: [{ type: "function", function: { name: "ok", parameters: { type: "object" } } }] }).ok).toBe(true);
  });

  it("reads a typed tool result as JSON when it is JSON, else as text", () => {
    expect(parseToolResult(' {"celsius": 21} ')).toEqual({ celsius: 21 });
    expect(parseToolResult("sunny, 24C")).toBe("sunny, 24C");
    expect(parseToolResult("42")).toBe(42);
  });
});
