import { test as base, expect, type Page } from "@playwright/test";

/** Records Content-Security-Policy violations on a page (the event, and Chromium's "Refused to ..." console errors). */
export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on("console", (message) => {
    const text = message.text();
    if (text.startsWith("CSP-VIOLATION") || /Refused to (execute|load|apply|connect|frame)/.test(text)) violations.push(`${page.url()}: ${text}`);
  });
  return violations;
}

/** Every page a story opens is watched; a story that caused a CSP violation fails. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const violations = await watchCsp(page);
    await use(page);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
});

export { expect };
