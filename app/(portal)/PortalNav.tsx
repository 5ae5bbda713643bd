"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { NAV_GROUPS, type NavLink } from "./nav-links";
import styles from "./nav.module.css";
import { UnreadMessages, useUnreadMessages } from "./UnreadMessages";

/**
 * The services of the person's profiles in the active establishment (chosen by the layout), in a few named groups:
 * a column beside the page on a wide screen, a menu opened from the header on a phone.
 */
export function PortalNav({ links, unreadMessages }: { links: NavLink[]; unreadMessages: number | null }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  // On a phone, the menu stays open on the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const listId = useId();
  const unread = useUnreadMessages(unreadMessages);

  const home = links.find((link) => link.key === "home");
  const groups = NAV_GROUPS.map((group) => ({ ...group, links: group.keys.flatMap((key) => links.filter((link) => link.key === key)) })).filter(
    (group) => group.links.length > 0,
  );
  const item = ({ href, key }: NavLink) => {
    const current = pathname === href || pathname.startsWith(`${href}/`);
    return (
      <li key={href}>
        <Link
          href={href}
          className={styles.link}
          aria-current={current ? "page" : undefined}
          aria-describedby={key === "messaging" && unread !== null ? `${listId}-unread` : undefined}
        >
          {t(key)}
          {key === "messaging" && unread !== null ? <UnreadMessages count={unread} descriptionId={`${listId}-unread`} /> : null}
        </Link>
      </li>
    );
  };

  return (
    <nav aria-label={t("label")} className={styles.nav}>
      <button
        type="button"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={unread !== null ? `${listId}-unread-menu` : undefined}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <span aria-hidden="true" className={styles.burger} />
        {t("menu")}
        {unread !== null ? <UnreadMessages count={unread} descriptionId={`${listId}-unread-menu`} /> : null}
      </button>
      <div id={listId} className={styles.panel} data-open={open}>
        {home ? <ul className={styles.links}>{item(home)}</ul> : null}
        {groups.map((group) => (
          <div key={group.id} className={styles.group}>
            <p className={styles.groupName} id={`${listId}-${group.id}`}>
              {t(`groups.${group.id}`)}
            </p>
            <ul className={styles.links} aria-labelledby={`${listId}-${group.id}`}>
              {group.links.map(item)}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
