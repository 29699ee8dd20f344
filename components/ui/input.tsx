import { type FieldSize, fieldClass } from "./field-class";

type InputProps = Omit<React.ComponentProps<"input">, "size"> & { size?: FieldSize };

/** A one-line text, number, date or search field. */
export function Input({ className, size = "sm", type = "text", ...props }: InputProps) {
  return <input type={type} data-slot="input" className={fieldClass(size, className)} {...props} />;
}
