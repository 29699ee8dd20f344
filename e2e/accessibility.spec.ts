import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

// An axe-core scan of every page, light and dark: no critical or serious violation.

async function finishedRun(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const response = await request.post("/api/runs", {
    data: { provider: "simulator", model: "qwen3.5-flash", messages: [{ role: "user", parts: [{ type: "text", text: "Scan me" }] }], params: { sim_ttft_ms: 5, sim_tokens_per_second: 5000 } },
  });
  await response.body();
  const id = response.headers()["x-run-id"]!;
  await expect.poll(async () => (await (await request.get(`/api/runs/${id}`)).json()).status).toBe("done");
  return id;
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`no critical or serious axe violations on any page (${colorScheme})`, async ({ page, request }) => {
    const runId = await finishedRun(request);
    const shareId = (await (await request.post(`/api/runs/${runId}/share`)).json()).shareId as string;
    await page.emulateMedia({ colorScheme });
    const pages = ["/", "/compare", "/history", "/keys", "/admin", `/runs/${runId}`, `/r/${shareId}`, "/sign-in"];
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      if (path === "/") {
        // The playground with an answer and its stats, not only empty.
        await page.getByTestId("composer-input").fill("Scan me with an answer");
        await page.getByTestId("send-button").click();
        await expect(page.getByTestId("run-stats").first()).toHaveAttribute("data-status", "done", { timeout: 30_000 });
      }
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      for (const v of violations.filter((v) => v.impact === "critical" || v.impact === "serious")) {
        found.push(`${path} ${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      }
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}

test("keyboard: the first Tab is a skip link to the message box; the import is reachable; the tag box shows focus", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("skip-link")).toBeFocused();
  await expect(page.getByTestId("skip-link")).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("composer-input")).toBeFocused();

  await page.getByTestId("param-input-stop").focus();
  const ring = await page.getByTestId("tag-box-stop").evaluate((el) => getComputedStyle(el).boxShadow);
  expect(ring).not.toBe("none");

  await page.goto("/history");
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.getByTestId("import-input").evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
});
