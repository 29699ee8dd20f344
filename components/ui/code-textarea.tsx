import { fieldClass } from "./field-class";

type CodeTextareaProps = Omit<React.ComponentProps<"textarea">, "value" | "rows"> & { value: string; minRows: number; maxRows: number };

/** A monospace editor for JSON and schemas that grows with its lines, between minRows and maxRows; invalid content is marked red. */
export function CodeTextarea({ value, minRows, maxRows, className, ...props }: CodeTextareaProps) {
  return (
    <textarea
      value={value}
      rows={Math.min(maxRows, Math.max(minRows, value.split("\n").length))}
      spellCheck={false}
      data-slot="code-textarea"
      className={fieldClass(null, "w-full resize-y p-1.5 font-mono text-xs", className)}
      {...props}
    />
  );
}
