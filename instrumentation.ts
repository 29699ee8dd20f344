export async function register() {
  // Which runtime loads this file is Next's own variable, set before any setting is read; lib/env cannot load on the edge.
  // biome-ignore lint/style/noProcessEnv: see above
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareOnStartup } = await import("@/lib/runs/startup");
    await prepareOnStartup();
  }
}
