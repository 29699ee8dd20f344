// How often a streaming answer may re-render. Tokens can arrive at 1,000/s or
// more; the screen shows 60 frames a second. One column updates about once
// per frame; six compare columns each update less often, so that together
// they still commit about once per frame.
export const RENDER_THROTTLE_MS = { single: 20, perCompareColumn: 100 } as const;
