"use client";

import { Slider as SliderPrimitive } from "radix-ui";
import { cn } from "@/lib/utils";

export function Slider({ className, "aria-label": label, ...props }: React.ComponentProps<typeof SliderPrimitive.Root>) {
  return (
    <SliderPrimitive.Root data-slot="slider" className={cn("relative flex h-5 w-full touch-none items-center select-none", className)} {...props}>
      <SliderPrimitive.Track className="relative h-1.5 grow rounded-full bg-zinc-200 dark:bg-zinc-800">
        <SliderPrimitive.Range className="absolute h-full rounded-full bg-zinc-900 dark:bg-zinc-100" />
      </SliderPrimitive.Track>
      {/* The thumb is what has role="slider": it carries the name. */}
      <SliderPrimitive.Thumb aria-label={label} className="block size-4 rounded-full border border-zinc-400 bg-white shadow focus-visible:ring-2 focus-visible:ring-zinc-400 focus-visible:outline-none" />
    </SliderPrimitive.Root>
  );
}
