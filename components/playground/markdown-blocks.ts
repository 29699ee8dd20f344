import { Lexer } from "marked";

// Splits markdown into its top-level blocks (marked's lexer knows where a list,
// a table or a fenced code block ends), so a streaming answer can keep its
// finished blocks rendered and redo only the one still growing.

export type BlockSplit = { text: string; blocks: string[] };

function lexBlocks(source: string): string[] {
  if (!source) return [];
  const tokens = Lexer.lex(source, { gfm: true });
  const blocks: string[] = [];
  let offset = 0;
  // Each token's raw text is cut from the source, except where the lexer normalised it
  // (CR LF, trailing spaces of the block still growing): from there on the rest is one block.
  for (const token of tokens.slice(0, -1)) {
    if (!source.startsWith(token.raw, offset) || token.raw.length === 0) break;
    // Blank lines belong to the block before them.
    if (token.type === "space" && blocks.length > 0) blocks[blocks.length - 1] += token.raw;
    else blocks.push(token.raw);
    offset += token.raw.length;
  }
  if (offset < source.length) {
    const rest = source.slice(offset);
    if (/^\s*$/.test(rest) && blocks.length > 0) blocks[blocks.length - 1] += rest;
    else blocks.push(rest);
  }
  return blocks;
}

/**
 * Blocks whose concatenation is `text`. Given the split of an earlier prefix of
 * `text` (the same answer a few tokens ago), everything before its last block
 * is kept as it was and only the rest is lexed again.
 */
export function splitMarkdownBlocks(text: string, previous: BlockSplit | null): BlockSplit {
  if (previous && previous.blocks.length > 1 && text.startsWith(previous.text)) {
    const kept = previous.blocks.slice(0, -1);
    const offset = kept.reduce((n, block) => n + block.length, 0);
    return { text, blocks: [...kept, ...lexBlocks(text.slice(offset))] };
  }
  return { text, blocks: lexBlocks(text) };
}
