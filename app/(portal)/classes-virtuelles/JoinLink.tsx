"use client";

import Link from "next/link";
import ui from "@/app/components/ui.module.css";
import { useNow } from "./useNow";

interface Props {
  href: string;
  /** when the room opens and when the class ends (ISO instants) */
  opensAt: string;
  endsAt: string;
  label: string;
  className?: string;
}

/** A virtual class's join button: it shows from the room's opening to the class's end, by the person's clock. */
export function JoinLink({ href, opensAt, endsAt, label, className }: Props) {
  const now = useNow();
  if (!now || now < new Date(opensAt) || now >= new Date(endsAt)) return null;
  return (
    <Link href={href} className={className ?? ui.button}>
      {label}
    </Link>
  );
}
