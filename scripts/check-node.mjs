// Runs first in `npm start`, `npm run serve`, `npm run dev` and `npm run build`.
// On an older Node the server would print "Ready" and then die with a bare
// "Segmentation fault" (better-sqlite3); this says what to install instead.
// Plain JavaScript that any Node can run; the minimum is package.json's engines.node.
import fs from "node:fs";

/** The one-line refusal for `version` (e.g. "v20.19.0"), or null when it is new enough. */
export function nodeVersionProblem(version, engines) {
  const minimum = Number(/(\d+)/.exec(engines)?.[1] ?? 0);
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  if (major >= minimum) return null;
  return `LLM Playground needs Node.js ${minimum} or newer (24 LTS recommended), and this is Node ${version}: install Node 24 from https://nodejs.org (or \`nvm install 24\`), then run the command again.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engines = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")).engines?.node ?? ">=22";
  const problem = nodeVersionProblem(process.version, engines);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
