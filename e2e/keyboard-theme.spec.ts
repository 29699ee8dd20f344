import { expect, test } from "./support/fixtures";

// Shortcuts a keyboard user expects, and a theme that is remembered.

test("shortcuts: ? lists them, / focuses the message box, Ctrl+B hides parameters, Esc stops, Ctrl+Shift+O starts over, Alt+C goes to compare", async ({ page, playground }) => {
  await playground.open();
  await page.locator("body").click({ position: { x: 5, y: 300 } });

  await page.keyboard.press("Shift+?");
  await expect(page.getByTestId("shortcut-sheet")).toBeVisible();
  await expect(page.getByTestId("shortcut-sheet")).toContainText("Stop the answer being streamed");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcut-sheet")).toBeHidden();

  await page.keyboard.press("/");
  await expect(page.getByTestId("composer-input")).toBeFocused();
  await expect(page.getByTestId("composer-input")).toHaveValue("");

  await page.keyboard.press("ControlOrMeta+b");
  await expect(page.getByTestId("param-panel")).toBeHidden();
  await page.keyboard.press("ControlOrMeta+b");
  await expect(page.getByTestId("param-panel")).toBeVisible();

  await playground.setNumber("sim_ttft_ms", "10");
  await playground.setNumber("sim_tokens_per_second", "20");
  await playground.send("A long answer, please");
  await expect(playground.assistant(0).getByTestId("answer")).not.toBeEmpty();
  await page.keyboard.press("Escape");
  await playground.waitForStatus(0, "aborted");

  await page.keyboard.press("ControlOrMeta+Shift+O");
  await expect(page.getByTestId("message-assistant")).toHaveCount(0);

  await page.keyboard.press("Alt+c");
  await expect(page).toHaveURL(/\/compare/);
});

test("theme: dark, light or the system's, applied at once and kept across a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();

  await page.getByTestId("theme-select").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const dark = await background();
  expect(dark).not.toBe(light);
  await page.reload();
  await expect(page.getByTestId("theme-select")).toHaveValue("dark");
  expect(await background()).toBe(dark);

  // An explicit light wins over a dark system.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByTestId("theme-select").selectOption("light");
  expect(await background()).toBe(light);
  await page.getByTestId("theme-select").selectOption("system");
  expect(await background()).toBe(dark);
});
