import { expect, type Page } from "@playwright/test";
import { test as base } from "./csp-guard";
import { AppServer, freePort, tempDataDir } from "./app-server";

// `serverFor`: files that count what is in the database set their own name
// (test.use), and Playwright gives them a worker with a fresh server of their own.
type WorkerFixtures = { app: AppServer; serverFor: string };

export const test = base.extend<{ playground: PlaygroundPage }, WorkerFixtures>({
  serverFor: ["shared", { scope: "worker", option: true }],
  app: [
    async ({ serverFor: _serverFor }, use) => {
      const server = new AppServer(await freePort(), tempDataDir());
      await server.start();
      await use(server);
      await server.stop();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ app }, use) => use(app.url),
  playground: async ({ page }, use) => use(new PlaygroundPage(page)),
});

export { expect };

/** Page object for the single-target playground. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/");
    await expect(this.page.getByTestId("composer-input")).toBeVisible();
  }

  async setNumber(name: string, value: string) {
    await this.page.getByTestId(`param-input-${name}`).fill(value);
  }

  async send(text: string, via: "button" | "shortcut" = "button") {
    await this.page.getByTestId("composer-input").fill(text);
    if (via === "shortcut") await this.page.getByTestId("composer-input").press("ControlOrMeta+Enter");
    else await this.page.getByTestId("send-button").click();
  }

  assistant(index: number) {
    return this.page.getByTestId("message-assistant").nth(index);
  }

  async waitForStatus(index: number, status: string) {
    await expect(this.assistant(index).getByTestId("run-stats")).toHaveAttribute("data-status", status, { timeout: 30_000 });
  }

  async runId(index: number): Promise<string> {
    const id = await this.assistant(index).getByTestId("run-stats").getAttribute("data-run-id");
    if (!id) throw new Error("no run id on the message");
    return id;
  }
}
