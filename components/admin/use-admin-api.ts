"use client";

import { useCallback, useEffect, useState } from "react";

/** GET a JSON resource, with reload and the error message our API sends. */
export function useJson<T>(url: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const response = await fetch(url);
    const body = await response.json().catch(() => null);
    if (response.ok) {
      setData(body as T);
      setError(null);
    } else setError(body?.error?.message ?? `HTTP ${response.status}`);
  }, [url]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

/** Send JSON; resolves to [body, null] or [null, error message]. */
export async function send<T>(url: string, method: string, body?: unknown): Promise<[T | null, string | null]> {
  const response = await fetch(url, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json().catch(() => null);
  return response.ok ? [json as T, null] : [null, json?.error?.message ?? `HTTP ${response.status}`];
}
