import type { Db } from "@/server/db";
import { membersOfSpace } from "@/server/notifications/audiences";
import { audiencePupils } from "@/server/services/audiences";
import { loadSession } from "./session";

/** Everyone a virtual class is for: its hosts, and the pupils of its class or group or the members of its team space. */
export async function attendeesOf(db: Db, virtualClassId: string): Promise<string[]> {
  const session = await loadSession(db, virtualClassId);
  const { kind, id } = session.audience;
  const audience =
    kind === "space" ? await membersOfSpace(db, id) : (await audiencePupils(db, kind === "class" ? { classId: id } : { groupId: id })).map((pupil) => pupil.id);
  return [...new Set([...session.hostIds, ...audience])];
}
