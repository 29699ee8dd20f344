import { describe, expect, it } from "vitest";
import { splitMarkdownBlocks, type BlockSplit } from "./markdown-blocks";

const ANSWER = [
  "# Plan",
  "",
  "Some **bold** text that runs on",
  "over two lines.",
  "",
  "1. first",
  "2. second",
  "",
  "   still the second item",
  "",
  "| a | b |",
  "|---|---|",
  "| 1 | 2 |",
  "",
  "```ts",
  "const x = 1;",
  "",
  "console.log(x);",
  "```",
  "",
  "Heading",
  "=======",
  "",
  "> quoted",
  "",
].join("\n");

describe("splitMarkdownBlocks", () => {
  it("splits into top-level blocks that join back into the text", () => {
    const { blocks } = splitMarkdownBlocks(ANSWER, null);
    expect(blocks.join("")).toBe(ANSWER);
    expect(blocks[0]).toBe("# Plan\n\n");
    // The loose list (a blank line inside) and the fenced code (blank line inside) stay whole.
    expect(blocks.find((b) => b.startsWith("1. first"))).toContain("still the second item");
    expect(blocks.find((b) => b.startsWith("```ts"))).toContain("console.log(x);\n```");
    expect(blocks.length).toBe(7);
  });

  it("splitting a growing answer token by token gives the same blocks as splitting it whole", () => {
    let split: BlockSplit | null = null;
    for (let end = 1; end <= ANSWER.length; end += 3) {
      const text = ANSWER.slice(0, end);
      split = splitMarkdownBlocks(text, split);
      expect(split.blocks).toEqual(splitMarkdownBlocks(text, null).blocks);
    }
  });

  it("keeps the finished blocks as the very same strings while the last one grows", () => {
    const before = splitMarkdownBlocks(`${ANSWER}More text`, null);
    const after = splitMarkdownBlocks(`${ANSWER}More text, and more`, before);
    expect(after.blocks.slice(0, -1)).toEqual(before.blocks.slice(0, -1));
    after.blocks.slice(0, -1).forEach((block, i) => expect(block).toBe(before.blocks[i]));
  });

  it("starts over when the text is not a continuation (an edited message)", () => {
    const before = splitMarkdownBlocks("a\n\nb\n\nc", null);
    const after = splitMarkdownBlocks("x\n\ny", before);
    expect(after.blocks).toEqual(["x\n\n", "y"]);
  });

  it("never alters the text, even where the lexer rewrites it (CR LF)", () => {
    const text = "a\r\n\r\nb\r\n\r\n- c  ";
    expect(splitMarkdownBlocks(text, null).blocks.join("")).toBe(text);
  });
});
