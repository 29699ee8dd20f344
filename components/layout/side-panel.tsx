"use client";

import { useState } from "react";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";

type Props = {
  /** Shown as a sheet over the page on narrow screens; beside the page from md up, always. */
  open: boolean;
  /** Hidden on wide screens too (Ctrl/⌘ + B). */
  collapsed?: boolean;
  onClose: () => void;
  label: string;
  className?: string;
  children: React.ReactNode;
};

/** The parameter sidebar: beside the chat on wide screens, a full-screen sheet on phones. */
export function SidePanel({ open, collapsed = false, onClose, label, className, children }: Props) {
  return (
    <aside
      aria-label={label}
      data-testid="side-panel"
      data-open={open}
      data-collapsed={collapsed}
      className={cn(
        "shrink-0 space-y-4 overflow-y-auto border-zinc-200 p-3 md:static md:block md:border-r dark:border-zinc-800",
        open ? "fixed inset-0 z-40 block bg-white dark:bg-zinc-950" : "hidden",
        className,
        collapsed && "md:hidden",
      )}
    >
      <div className="flex items-center justify-between md:hidden">
        <h2 className="text-sm font-semibold">{label}</h2>
        <Button size="sm" variant="primary" data-testid="close-side-panel" onClick={onClose}>
          Done
        </Button>
      </div>
      {children}
    </aside>
  );
}

/** Opens the side panel on phones; hidden where the panel is always shown. */
export function SidePanelToggle({ onOpen, label }: { onOpen: () => void; label: string }) {
  return (
    <Button size="sm" data-testid="open-side-panel" className="md:hidden" onClick={onOpen}>
      {label}
    </Button>
  );
}

/** The panel's state on both layouts: open as a sheet on phones, collapsed beside the page on wide screens. */
export function useSidePanel() {
  const [open, setOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  return {
    open,
    collapsed,
    setOpen,
    /** Ctrl/⌘ + B: whichever the screen shows. */
    toggle: () => (window.matchMedia("(min-width: 768px)").matches ? setCollapsed((c) => !c) : setOpen((o) => !o)),
  };
}
