import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { fileFolders, spaceFiles } from "@/drizzle/schema";

/** Where files live: a space's files, or one person's own (Mes fichiers). */
export type Place = { spaceId: string } | { ownerId: string };

export const placeColumns = (place: Place) =>
  "spaceId" in place ? { spaceId: place.spaceId, ownerId: null } : { spaceId: null, ownerId: place.ownerId };

export const placeKey = (place: Place) => ("spaceId" in place ? `space:${place.spaceId}` : `person:${place.ownerId}`);

/** The rows of a table that are in the place. */
export function inPlace(table: typeof fileFolders | typeof spaceFiles, place: Place): SQL {
  return "spaceId" in place ? eq(table.spaceId, place.spaceId) : and(eq(table.ownerId, place.ownerId), isNull(table.spaceId))!;
}
