import type { Relationship } from "./context";
import { type Gender, pickGender, pickLastName } from "./names";
import type { Random } from "./random";

export interface GuardianShape {
  relationship: Relationship;
  gender: Gender;
  lastName: string;
}

/**
 * The legal guardians (responsables légaux) of a family: mostly mother and father, sometimes a single parent,
 * now and then a tutor. Children carry the family name; a mother sometimes keeps her own.
 */
export function randomGuardians(random: Random, familyName: string): GuardianShape[] {
  const draw = random.next();
  if (draw < 0.78) {
    return [
      { relationship: "mother", gender: "female", lastName: random.chance(0.2) ? pickLastName(random) : familyName },
      { relationship: "father", gender: "male", lastName: familyName },
    ];
  }
  if (draw < 0.93) return [{ relationship: "mother", gender: "female", lastName: familyName }];
  if (draw < 0.97) return [{ relationship: "father", gender: "male", lastName: familyName }];
  return [{ relationship: "tutor", gender: pickGender(random), lastName: pickLastName(random) }];
}

/** How far ahead a sibling is looked for, which keeps grouping linear. */
const SIBLING_SEARCH = 60;

/**
 * Groups pupils into families: most are only children at the school, some have a brother or sister there,
 * a few two; siblings are never in the same level (twins aside, which this leaves out).
 */
export function groupSiblings<T extends { level: string }>(random: Random, pupils: readonly T[]): T[][] {
  const queue = random.shuffle([...pupils]);
  const taken = new Array<boolean>(queue.length).fill(false);
  const families: T[][] = [];
  for (let i = 0; i < queue.length; i++) {
    if (taken[i]) continue;
    taken[i] = true;
    const family = [queue[i]];
    const draw = random.next();
    const wanted = draw < 0.84 ? 1 : draw < 0.97 ? 2 : 3;
    for (let j = i + 1; j < queue.length && j <= i + SIBLING_SEARCH && family.length < wanted; j++) {
      if (taken[j] || family.some((child) => child.level === queue[j].level)) continue;
      taken[j] = true;
      family.push(queue[j]);
    }
    families.push(family);
  }
  return families;
}
