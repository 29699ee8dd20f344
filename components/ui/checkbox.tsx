import { cn } from "@/lib/utils";

/** The browser's checkbox in the app's accent: forms (FormData) and keyboard work as with any checkbox. */
export function Checkbox({ className, ...props }: Omit<React.ComponentProps<"input">, "type">) {
  return <input type="checkbox" data-slot="checkbox" className={cn("size-3.5 accent-zinc-900 align-middle disabled:opacity-50 dark:accent-zinc-100", className)} {...props} />;
}
