import { fieldClass } from "./field-class";

/** A multi-line prose field (system prompt, message, edits); JSON goes in CodeTextarea. */
export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return <textarea data-slot="textarea" className={fieldClass(null, "w-full p-2 text-sm", className)} {...props} />;
}
