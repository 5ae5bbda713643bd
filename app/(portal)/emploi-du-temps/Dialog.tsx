"use client";

import { type ReactNode, useEffect, useRef } from "react";
import styles from "./timetable.module.css";

/** A modal dialog (the browser's own: focus kept inside, Escape closes it), open while it is rendered. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  // no close() on unmount: the element leaves the page with it, and a close event would call onClose again
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby="dialog-title" onClose={onClose}>
      <h2 id="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
