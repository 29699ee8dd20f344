export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareOnStartup } = await import("@/lib/runs/startup");
    await prepareOnStartup();
  }
}
