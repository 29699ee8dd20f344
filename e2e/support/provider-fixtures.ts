import { test as base } from "./csp-guard";
import { fakeProviderEnv } from "../fake-upstream/fake-upstream";
import { AppServer, freePort, tempDataDir } from "./app-server";
import { FakeUpstreamProcess } from "./fake-upstream-process";
import { PlaygroundPage } from "./fixtures";

/** The app with every provider configured against the fake upstreams (own process), one per worker. */
export const test = base.extend<{ playground: PlaygroundPage }, { upstream: FakeUpstreamProcess; app: AppServer }>({
  upstream: [
    async ({}, use) => {
      const upstream = new FakeUpstreamProcess();
      await upstream.start();
      await use(upstream);
      await upstream.stop();
    },
    { scope: "worker" },
  ],
  app: [
    async ({ upstream }, use) => {
      const server = new AppServer(await freePort(), tempDataDir(), fakeProviderEnv(upstream.url));
      await server.start();
      await use(server);
      await server.stop();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ app }, use) => use(app.url),
  playground: async ({ page, upstream }, use) => {
    await upstream.reset();
    await use(new PlaygroundPage(page));
  },
});

export { expect } from "@playwright/test";

export async function pick(playground: PlaygroundPage, modelId: string, offering: string) {
  await playground.open();
  await playground.page.getByTestId("model-select").selectOption(modelId);
  await playground.page.getByTestId("offering-select").selectOption(offering);
}
