"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

type ConfirmRequest = { title: string; body?: string; confirmLabel: string; danger?: boolean };

/**
 * A confirmation asked in a modal dialog of the page instead of window.confirm:
 * styled like the app, labelled for screen readers, and not blocking the page's
 * scripts (streams in other columns keep running while it is open).
 * `await confirm({...})` is true only when the confirm button was pressed.
 */
export function useConfirm() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const settle = useRef<((ok: boolean) => void) | null>(null);
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const titleId = useId();

  const confirm = useCallback((next: ConfirmRequest) => {
    settle.current?.(false);
    setRequest({ ...next });
    return new Promise<boolean>((resolve) => {
      settle.current = resolve;
    });
  }, []);
  // Shown once its text and buttons are rendered, so nothing changes (or fades) in view.
  useEffect(() => {
    if (request && !dialogRef.current?.open) dialogRef.current?.showModal();
  }, [request]);

  const dialog = (
    <Dialog
      dialogRef={dialogRef}
      role="alertdialog"
      data-testid="confirm-dialog"
      aria-labelledby={titleId}
      className="w-[min(28rem,95vw)]"
      // Esc, the Cancel button and the confirm button all close the dialog; its returnValue says which.
      onClose={(e) => {
        settle.current?.(e.currentTarget.returnValue === "confirm");
        settle.current = null;
        e.currentTarget.returnValue = "";
      }}
    >
      <h2 id={titleId} className="font-semibold">
        {request?.title}
      </h2>
      {request?.body && <p className="mt-2 text-zinc-700 dark:text-zinc-300">{request.body}</p>}
      <form method="dialog" className="mt-4 flex justify-end gap-2">
        <Button type="submit" value="cancel" data-testid="confirm-cancel" autoFocus>
          Cancel
        </Button>
        <Button type="submit" value="confirm" data-testid="confirm-accept" variant={request?.danger ? "danger" : "primary"}>
          {request?.confirmLabel}
        </Button>
      </form>
    </Dialog>
  );
  return { confirm, dialog };
}
