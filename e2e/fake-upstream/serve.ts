// Runs the fake provider upstreams as their own process (for Playwright).
import { serveFetchHandler } from "../../test/support/serve-fetch-handler";
import { createFakeUpstream } from "./fake-upstream";

const { handler } = createFakeUpstream();
const served = await serveFetchHandler(handler, Number(process.env.PORT ?? 0));
console.log(served.url);
process.on("SIGTERM", () => void served.close().then(() => process.exit(0)));
