"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { generateCode, type CodeRequest } from "@/lib/code/generate-code";

type Tab = "curl" | "typescript" | "python" | "gateway";
const TABS: { id: Tab; label: string }[] = [
  { id: "curl", label: "curl" },
  { id: "typescript", label: "TypeScript (AI SDK)" },
  { id: "python", label: "Python (openai)" },
  { id: "gateway", label: "Through this playground (openai)" },
];

/** The exact request as code. `baseUrl: null` means this app's own simulator endpoint. */
export function ViewCode({ request }: { request: Omit<CodeRequest, "baseUrl"> & { baseUrl: string | null } }) {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>("curl");
  const [copied, setCopied] = useState(false);
  if (!open) {
    return (
      <Button size="sm" data-testid="view-code" onClick={() => setOpen(true)}>
        View code
      </Button>
    );
  }
  const baseUrl = request.baseUrl ?? `${window.location.origin}/api/simulator/v1`;
  const code = generateCode({ ...request, baseUrl, gatewayBaseUrl: `${window.location.origin}/api/v1` })[tab] ?? "";
  return (
    <div data-testid="code-panel" className="w-full space-y-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-1">
        {TABS.map((t) => (
          <Button key={t.id} size="sm" variant={tab === t.id ? "primary" : "ghost"} data-testid={`code-tab-${t.id}`} onClick={() => setTab(t.id)}>
            {t.label}
          </Button>
        ))}
        <Button
          size="sm"
          data-testid="code-copy"
          className="ml-auto"
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true));
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
      <pre data-testid="code-text" className="max-h-96 overflow-auto rounded bg-zinc-900 p-2 text-[11px] text-zinc-100">
        {code}
      </pre>
      <p className="text-[11px] text-muted">
        {tab === "gateway"
          ? "Make a key on the API keys page and set PLAYGROUND_API_KEY; the provider's own key stays on this server."
          : `The key is read from ${request.keyEnv ? `$${request.keyEnv}` : "nowhere (none needed)"}; it never leaves your machine in this page.`}
      </p>
    </div>
  );
}
