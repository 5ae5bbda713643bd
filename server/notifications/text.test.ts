import { describe, expect, it } from "vitest";
import { notificationText } from "./mail";

describe("a notification's text", () => {
  it("names the school day in words, in the reader's language", () => {
    const lesson = { kind: "lesson", params: { change: "cancelled", subject: "Mathématiques", date: "2026-11-24", pupil: "Emma" } } as const;
    expect(notificationText("fr", lesson)).toBe("Cours annulé (Mathématiques) le mardi 24 novembre pour Emma");
    expect(notificationText("en", lesson)).toBe("Lesson cancelled (Mathématiques) on Tuesday, November 24 for Emma");
  });

  it("leaves other parameters as they are", () => {
    const homework = { kind: "homework", params: { subject: "Français", date: "2026-11-25", pupil: "Emma" } } as const;
    expect(notificationText("fr", homework)).toBe("Travail à faire pour demain (Français) pour Emma");
  });
});
