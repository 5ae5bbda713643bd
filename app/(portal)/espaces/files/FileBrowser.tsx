import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { serverCaller } from "@/server/trpc/request-context";
import { guarded } from "../../guarded";
import styles from "../spaces.module.css";
import { FileActions } from "./FileActions";
import { FolderActions } from "./FolderActions";
import { NewFolderForm } from "./NewFolderForm";
import { UploadForm } from "./UploadForm";

interface Props {
  /** a space's files, or null for the person's own */
  spaceId: string | null;
  folderId: string | null;
  /** the page's address, to which "?dossier=<id>" is added */
  basePath: string;
  /** whether files may be shared with families (class spaces) */
  familySharing: boolean;
  /** whether the person owns the space, and may change anyone's files */
  owns: boolean;
}

/** A folder of a place: the way up, its folders, its files with their actions, how full the place is, and uploads. */
export async function FileBrowser({ spaceId, folderId, basePath, familySharing, owns }: Props) {
  const { api } = await serverCaller();
  const t = await getTranslations("spaces.files");
  const format = await getFormatter();
  const listing = await guarded(() => api.files.list({ spaceId, folderId }));
  const writes = listing.access === "write";
  const folderHref = (id: string | null) => (id ? `${basePath}?dossier=${id}` : basePath);
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? t("kilobytes", { value: Math.max(1, Math.round(bytes / 1024)) }) : t("megabytes", { value: Math.round((bytes / 1024 / 1024) * 10) / 10 });
  return (
    <div className={ui.stack}>
      {writes ? (
        <p className={styles.meta}>
          <label htmlFor="files-usage">{t("usage", { used: size(listing.used), quota: size(listing.quota) })}</label>{" "}
          <meter id="files-usage" className={styles.meter} min={0} max={listing.quota} value={listing.used} high={listing.quota * 0.9} />
        </p>
      ) : null}
      <nav aria-label={t("breadcrumb")}>
        <ol className={styles.breadcrumb}>
          <li>{listing.path.length ? <Link href={folderHref(null)}>{t("top")}</Link> : <span aria-current="page">{t("top")}</span>}</li>
          {listing.path.map((folder, index) => (
            <li key={folder.id}>
              {index === listing.path.length - 1 ? <span aria-current="page">{folder.name}</span> : <Link href={folderHref(folder.id)}>{folder.name}</Link>}
            </li>
          ))}
        </ol>
      </nav>
      {listing.folders.length + listing.files.length === 0 ? <p className={ui.card}>{t("empty")}</p> : null}
      <ul className={styles.list}>
        {listing.folders.map((folder) => (
          <li key={folder.id} className={styles.item}>
            <div className={styles.itemMain}>
              <Link href={folderHref(folder.id)}>
                <strong>📁 {folder.name}</strong>
              </Link>
            </div>
            {writes ? <FolderActions folderId={folder.id} name={folder.name} /> : null}
          </li>
        ))}
        {listing.files.map((file) => (
          <li key={file.id} className={styles.item}>
            <div className={styles.itemMain}>
              <a href={`/api/fichiers/${file.storedFileId}`} download>
                {file.name}
              </a>
              <span className={styles.meta}>
                {size(file.size)} · {format.dateTime(file.createdAt, { dateStyle: "medium" })}
                {file.addedByFirstName && spaceId ? ` · ${file.addedByFirstName} ${file.addedByLastName}` : ""}
                {file.forFamilies ? ` · ${t("sharedWithFamilies")}` : ""}
              </span>
            </div>
            {writes && (owns || !spaceId || file.addedBy === listing.viewerId) ? (
              <FileActions
                fileId={file.id}
                name={file.name}
                folderId={folderId}
                forFamilies={familySharing ? file.forFamilies : null}
                destinations={listing.destinations}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {writes ? (
        <div className={styles.forms}>
          <UploadForm spaceId={spaceId} folderId={folderId} familySharing={familySharing} />
          <NewFolderForm spaceId={spaceId} parentId={folderId} />
        </div>
      ) : null}
    </div>
  );
}
