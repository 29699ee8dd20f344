import { z } from "zod";

// Zod 4 probes `new Function("")` to decide whether to compile fast parsers.
// Under our Content-Security-Policy (no unsafe-eval) that probe is a CSP
// violation in the browser, so parsers stay interpreted.
z.config({ jitless: true });
