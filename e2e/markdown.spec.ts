import { expect, test } from "./support/fixtures";

// Answers render LaTeX with KaTeX, in the answer and in the reasoning, and every code block has a copy button.

test("math renders with KaTeX in the answer and the reasoning; code blocks copy their code", async ({ page, playground, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await playground.open();
  await playground.setNumber("sim_ttft_ms", "10");
  await playground.setNumber("sim_tokens_per_second", "3000");
  await playground.send("Explain $E = mc^2$ and $$\\int_0^1 x^2\\,dx$$ briefly");
  await playground.waitForStatus(0, "done");

  const answer = playground.assistant(0);
  await expect(answer.getByTestId("answer").locator(".katex").first()).toBeVisible();
  await expect(answer.getByTestId("answer").locator(".katex-mathml annotation").first()).toHaveText("E = mc^2");
  await expect(answer.getByTestId("answer").locator(".katex-error")).toHaveCount(0);
  await answer.getByTestId("reasoning").locator("summary").click();
  await expect(answer.getByTestId("reasoning-text").locator(".katex").first()).toBeAttached();

  await answer.getByTestId("copy-code").first().click();
  await expect(answer.getByTestId("copy-code").first()).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("function tokensPerSecond(tokens: number, seconds: number): number {\n  return tokens / seconds;\n}");
  expect(copied).not.toContain("<span");
});
