import { describe, expect, it } from "vitest";
import { kindsReceivedBy, NOTIFICATION_KINDS } from "./kinds";

/** Who is offered which kinds: only those their profiles may receive. */
describe("the kinds a person is offered", () => {
  it("gives a pupil their own school life: assignments, returned work, grades, homework, lesson changes, virtual classes", () => {
    expect(kindsReceivedBy(["student"])).toEqual(["message", "grade", "lesson", "homework", "assignment", "handIn", "announcement", "virtualClass"]);
  });

  it("gives a guardian their children's school life and the carnet, never the work pupils hand in", () => {
    expect(kindsReceivedBy(["guardian"])).toEqual(["message", "carnet", "absence", "grade", "lesson", "homework", "announcement", "virtualClass"]);
  });

  it("gives teachers and staff messages, announcements and the virtual classes of their teams only", () => {
    expect(kindsReceivedBy(["teacher"])).toEqual(["message", "announcement", "virtualClass"]);
    expect(kindsReceivedBy(["direction", "cpe"])).toEqual(["message", "announcement", "virtualClass"]);
  });

  it("joins the kinds of a person's profiles, and gives nothing to nobody", () => {
    expect(kindsReceivedBy(["teacher", "guardian"])).toEqual(kindsReceivedBy(["guardian"]));
    expect(kindsReceivedBy(["student", "guardian"])).toEqual(NOTIFICATION_KINDS);
    expect(kindsReceivedBy([])).toEqual([]);
  });
});
