"use client";

import { memo, useRef } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import "katex/dist/katex.min.css";
import { CopyButton } from "./copy-button";
import { splitMarkdownBlocks, type BlockSplit } from "./markdown-blocks";

const REMARK = [remarkGfm, remarkMath];
// KaTeX errors render as red source text, never throw: a half-streamed formula is normal.
const KATEX = [rehypeKatex, { throwOnError: false, strict: false }] as never;
const HIGHLIGHT = [KATEX, [rehypeHighlight, { detect: true, ignoreMissing: true }]] as never[];
const PLAIN = [KATEX] as never[];

/** A code block with a copy button; it copies the code as written (the text, not the highlighting). */
function CodeBlock(props: React.ComponentProps<"pre">) {
  const pre = useRef<HTMLPreElement>(null);
  return (
    <div className="group relative">
      <pre ref={pre} {...props} />
      <CopyButton
        testId="copy-code"
        label="Copy code"
        className="absolute top-1 right-1 rounded border border-zinc-600 bg-zinc-800 px-1.5 py-0.5 text-[11px] text-zinc-100 md:opacity-0 md:group-hover:opacity-100 md:focus:opacity-100"
        text={() => pre.current?.textContent ?? ""}
      />
    </div>
  );
}

const COMPONENTS: Components = {
  pre: ({ node: _node, ...props }) => <CodeBlock {...props} />,
};

/**
 * One top-level block (a paragraph, a list, a table, a code block). Memoised on
 * its text, so a streaming answer re-renders only its last block; highlighting
 * waits until that block is finished (detecting a language is the costly part).
 */
const Block = memo(function Block({ text, highlight }: { text: string; highlight: boolean }) {
  return (
    <ReactMarkdown remarkPlugins={REMARK} rehypePlugins={highlight ? HIGHLIGHT : PLAIN} components={COMPONENTS}>
      {text}
    </ReactMarkdown>
  );
});

/** Model output as markdown: GFM tables and lists, LaTeX math ($…$, $$…$$), highlighted code with a copy button. Raw HTML is not rendered. */
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
