import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { ViewerProvider } from "@/components/auth/viewer-context";
import { currentActor, toViewer } from "@/lib/auth/page-actor";
import "./globals.css";

// Every page is rendered per request: the Content-Security-Policy nonce
// (proxy.ts) and who is signed in differ each time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "LLM Playground",
  description: "Try Qwen3.5 on every provider that serves it, with honest latency, throughput and cost.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="font-sans antialiased">
        <ViewerProvider viewer={actor ? toViewer(actor) : null}>{children}</ViewerProvider>
      </body>
    </html>
  );
}
