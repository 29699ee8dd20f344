/** What the user typed as a tool's result: JSON when it parses as JSON, otherwise the text itself. */
export function parseToolResult(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    return trimmed;
  }
}
