import { describe, expect, it } from "vitest";
import { intoLanes } from "./lanes";

describe("lanes of a day column", () => {
  it("gives the whole width to a lesson alone and shares it between overlapping ones", () => {
    const laned = intoLanes([
      { id: "maths", startsAt: "08:00", endsAt: "09:00" },
      { id: "espagnol", startsAt: "10:15", endsAt: "11:15" },
      { id: "allemand", startsAt: "10:15", endsAt: "11:15" },
      { id: "retenue", startsAt: "11:00", endsAt: "12:00" },
      { id: "latin", startsAt: "11:15", endsAt: "12:15" },
    ]);
    const of = (id: string) => laned.find((l) => l.item.id === id)!;
    expect(of("maths")).toMatchObject({ lane: 0, lanes: 1 });
    expect([of("espagnol").lane, of("allemand").lane, of("retenue").lane]).toEqual([0, 1, 2]);
    // latin starts when the groups end: it takes a freed lane of the same cluster
    expect(of("latin")).toMatchObject({ lane: 0, lanes: 3 });
  });
});
