"use client";

import "@/lib/zod-jitless";
import { createContext, useContext } from "react";
import type { Viewer } from "@/lib/auth/page-actor";

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer | null; children: React.ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/** Who is signed in, as the server resolved it for this page (null on public pages). */
export function useViewer(): Viewer | null {
  return useContext(ViewerContext);
}
