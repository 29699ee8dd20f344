import { cn } from "@/lib/utils";

type DialogProps = Omit<React.ComponentProps<"dialog">, "ref"> & { dialogRef: React.Ref<HTMLDialogElement> };

/**
 * The browser's modal dialog, styled once: opened with showModal(), it traps focus,
 * closes on Esc and returns focus to what opened it. Name it with aria-labelledby.
 */
export function Dialog({ dialogRef, className, ...props }: DialogProps) {
  return (
    <dialog
      ref={dialogRef}
      data-slot="dialog"
      className={cn(
        "m-auto rounded-lg border border-zinc-200 bg-white p-4 text-sm text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
        className,
      )}
      {...props}
    />
  );
}
