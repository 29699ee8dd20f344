// A fake OpenAI-compatible upstream on 127.0.0.1 (the simulator's handler,
// served on its own), run in its own process by the benchmarks.
import { handleSimulatorRequest } from "../lib/simulator/handle-simulator-request";
import { serveFetchHandler } from "../test/support/serve-fetch-handler";

const served = await serveFetchHandler(handleSimulatorRequest, Number(process.env.PORT ?? 0));
console.log(served.url);
process.on("SIGTERM", () => void served.close().then(() => process.exit(0)));
