import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { cookies } from "next/headers";
import { ViewerProvider } from "@/components/auth/viewer-context";
import { parseTheme, themeClass, THEME_COOKIE } from "@/lib/ui/theme";
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
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme} className={`${GeistSans.variable} ${GeistMono.variable} ${themeClass(theme)}`}>
      <body className="font-sans antialiased">
        <ViewerProvider viewer={actor ? toViewer(actor) : null}>{children}</ViewerProvider>
      </body>
    </html>
  );
}
