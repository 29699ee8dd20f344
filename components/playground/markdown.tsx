"use client";

import { memo, useRef } from "react";
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { splitMarkdownBlocks, type BlockSplit } from "./markdown-blocks";

const REMARK = [remarkGfm];
const HIGHLIGHT = [[rehypeHighlight, { detect: true, ignoreMissing: true }]] as never[];
const PLAIN: never[] = [];

/**
 * One top-level block (a paragraph, a list, a table, a code block). Memoised on
 * its text, so a streaming answer re-renders only its last block; highlighting
 * waits until that block is finished (detecting a language is the costly part).
 */
const Block = memo(function Block({ text, highlight }: { text: string; highlight: boolean }) {
  return (
    <ReactMarkdown remarkPlugins={REMARK} rehypePlugins={highlight ? HIGHLIGHT : PLAIN}>
      {text}
    </ReactMarkdown>
  );
});

/** Model output as markdown: GFM tables and lists, highlighted code. Raw HTML is not rendered. */
export const Markdown = memo(function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  // Splitting restarts from the last block of the previous split, so each token costs the length of one block, not the answer.
  const previous = useRef<BlockSplit | null>(null);
  const split = splitMarkdownBlocks(text, previous.current);
  previous.current = split;
  const last = split.blocks.length - 1;
  return (
    <div className="markdown">
      {split.blocks.map((block, i) => (
        <Block key={i} text={block} highlight={!streaming || i < last} />
      ))}
    </div>
  );
});
