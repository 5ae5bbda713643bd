import { describe, expect, it } from "vitest";
import { notificationText } from "./mail";

describe("a notification's text", () => {
  it("names the school day in words, in the reader's language", () => {
    const lesson = { kind: "lesson", params: { change: "cancelled", subject: "Mathématiques", date: "2026-11-24", pupil: "Emma" } } as const;
    expect(notificationText("fr", lesson)).toBe("Cours annulé (Mathématiques) le mardi 24 novembre pour Emma");
    expect(notificationText("en", lesson)).toBe("Lesson cancelled (Mathématiques) on Tuesday, November 24 for Emma");
  });

  it("says what changed in a lesson, a virtual class included", () => {
    const lesson = (change: string) => ({ kind: "lesson", params: { change, subject: "Français", date: "2026-11-26", pupil: "Emma" } }) as const;
    expect(notificationText("fr", lesson("remote"))).toBe("Cours à distance, en classe virtuelle (Français) le jeudi 26 novembre pour Emma");
    expect(notificationText("en", lesson("remote"))).toBe("Lesson held remotely, in a virtual class (Français) on Thursday, November 26 for Emma");
    expect(notificationText("fr", lesson("room"))).toBe("Changement de salle (Français) le jeudi 26 novembre pour Emma");
    expect(notificationText("fr", lesson("substitute"))).toBe("Cours assuré par un remplaçant (Français) le jeudi 26 novembre pour Emma");
    expect(notificationText("en", lesson("exam"))).toBe("Supervised test (Français) on Thursday, November 26 for Emma");
    // written before changes said what they did
    expect(notificationText("fr", lesson("changed"))).toBe("Cours modifié (Français) le jeudi 26 novembre pour Emma");
  });

  it("leaves other parameters as they are", () => {
    const homework = { kind: "homework", params: { subject: "Français", date: "2026-11-25", pupil: "Emma" } } as const;
    expect(notificationText("fr", homework)).toBe("Travail à faire pour demain (Français) pour Emma");
  });
});
