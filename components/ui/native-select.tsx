import { type FieldSize, fieldClass } from "./field-class";

type NativeSelectProps = Omit<React.ComponentProps<"select">, "size"> & { size?: FieldSize };

/** The browser's own select, styled like the other fields: keyboard, screen-reader and phone pickers come for free. */
export function NativeSelect({ className, size = "sm", ...props }: NativeSelectProps) {
  return <select data-slot="native-select" className={fieldClass(size, className)} {...props} />;
}
