import { cn } from "@/lib/utils";

type CodeTextareaProps = Omit<React.ComponentProps<"textarea">, "value" | "rows"> & { value: string; minRows: number; maxRows: number };

/** A monospace editor for JSON and schemas that grows with its lines, between minRows and maxRows; invalid content is marked red. */
export function CodeTextarea({ value, minRows, maxRows, className, "aria-invalid": invalid, ...props }: CodeTextareaProps) {
  return (
    <textarea
      value={value}
      rows={Math.min(maxRows, Math.max(minRows, value.split("\n").length))}
      spellCheck={false}
      aria-invalid={invalid}
      data-slot="code-textarea"
      className={cn(
        "w-full resize-y rounded border border-zinc-300 bg-white p-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900",
        invalid === true && "border-red-500 ring-1 ring-red-500",
        className,
      )}
      {...props}
    />
  );
}
