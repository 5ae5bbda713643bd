/**
 * An occurrence is named by its lesson and the day it was planned on. Where a single id must name it (an access
 * policy target), it is written "lessonId/plannedOn".
 */
export function occurrenceKey(lessonId: string, plannedOn: string): string {
  return `${lessonId}/${plannedOn}`;
}

const KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(\d{4}-\d{2}-\d{2})$/i;

/** The lesson and day an occurrence key names, or null when it is not one. */
export function parseOccurrenceKey(key: string): { lessonId: string; plannedOn: string } | null {
  const match = KEY.exec(key);
  return match ? { lessonId: match[1], plannedOn: match[2] } : null;
}
