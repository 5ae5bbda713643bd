import { describe, expect, it } from "vitest";
import { NO_CHANGE, whatChanged } from "./what-changed";

describe("what a change did to an occurrence", () => {
  const room = { ...NO_CHANGE, movedRoomId: "room-304" };

  it("is nothing when it was so already", () => {
    expect(whatChanged(NO_CHANGE, NO_CHANGE)).toEqual([]);
    expect(whatChanged(room, { ...room })).toEqual([]);
  });

  it("names what this saving added to the change already there, most telling first", () => {
    expect(whatChanged(NO_CHANGE, room)).toEqual(["room"]);
    expect(whatChanged(room, { ...room, remote: true })).toEqual(["remote"]);
    expect(whatChanged(room, { ...room, cancelled: true, note: "Professeur absent" })).toEqual(["cancelled", "other"]);
    expect(whatChanged(NO_CHANGE, { ...NO_CHANGE, substituteTeacherId: "marc", exam: true })).toEqual(["substitute", "exam"]);
    expect(whatChanged(NO_CHANGE, { ...NO_CHANGE, movedStartsAt: "10:00", movedEndsAt: "11:00" })).toEqual(["moved"]);
    expect(whatChanged({ ...room, remote: true }, room)).toEqual(["onSite"]);
  });

  it("says a lesson is reinstated when its cancellation is lifted, back as planned when every change goes", () => {
    expect(whatChanged({ ...room, cancelled: true }, room)).toEqual(["reinstated"]);
    expect(whatChanged({ ...NO_CHANGE, cancelled: true }, NO_CHANGE)).toEqual(["reinstated"]);
    expect(whatChanged(room, NO_CHANGE)).toEqual(["asPlanned"]);
  });
});
