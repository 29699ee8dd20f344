import { cn } from "@/lib/utils";

/** Heights for one-line fields: xs sits in dense toolbars and tables, sm in forms beside small buttons, md beside regular ones. */
export type FieldSize = "xs" | "sm" | "md";

const sizes: Record<FieldSize, string> = {
  xs: "h-7 px-1 text-xs",
  sm: "h-8 px-2 text-xs",
  md: "h-9 px-2 text-sm",
};

/** The look every text field, select and textarea shares, so a field looks and flags errors the same on every page. */
export function fieldClass(size: FieldSize | null, ...extra: Array<string | false | null | undefined>): string {
  return cn(
    "rounded-md border border-zinc-300 bg-white disabled:opacity-50 aria-[invalid=true]:border-red-500 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-500 dark:border-zinc-700 dark:bg-zinc-900",
    size && sizes[size],
    ...extra,
  );
}
