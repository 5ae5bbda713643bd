import { randomUUID } from "node:crypto";
import type { EventBus } from "@/server/events";
import type { SavedChange } from "./changes";

/**
 * Publishes `lesson.changed` for a saved change of an occurrence, unless it changed nothing. Each change gets its own
 * id: successive changes of one occurrence (a room, then remote, then cancelled) are each told, while the instances
 * that all hear this one event (over Redis) still write its notifications once.
 */
export async function publishLessonChange(
  bus: EventBus,
  establishmentId: string,
  occurrence: { lessonId: string; plannedOn: string },
  saved: SavedChange,
) {
  if (saved.changes.length === 0) return;
  await bus.publish("lesson.changed", {
    establishmentId,
    lessonId: occurrence.lessonId,
    onDate: occurrence.plannedOn,
    changeId: randomUUID(),
    changes: saved.changes,
  });
}
