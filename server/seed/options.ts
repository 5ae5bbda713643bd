import type { Option, OptionChoice } from "./curricula";
import type { Random } from "./random";

export interface PlannedGroup {
  name: string;
  subjectCode: string;
  studentIds: string[];
}

/**
 * Splits each level's pupils into the groups of its options (LV2, Latin, spécialités). Pupils are taken in class
 * order, so a group gathers two or three neighbouring classes, as timetables (barrettes) do.
 */
export function planOptionGroups(
  random: Random,
  options: readonly Option[],
  pupils: readonly { id: string; level: string }[],
): PlannedGroup[] {
  const groups: PlannedGroup[] = [];
  for (const option of options) {
    for (const level of option.levels) {
      const takers = new Map<OptionChoice, string[]>(option.choices.map((choice) => [choice, []]));
      for (const pupil of pupils) {
        if (pupil.level !== level || !random.chance(option.participation)) continue;
        for (const choice of weightedSample(random, option.choices, option.picks)) takers.get(choice)?.push(pupil.id);
      }
      for (const [choice, studentIds] of takers) {
        const count = Math.ceil(studentIds.length / option.groupSize);
        for (let k = 0; k < count; k++) {
          groups.push({
            name: count === 1 ? `${level} ${choice.label}` : `${level} ${choice.label} ${k + 1}`,
            subjectCode: choice.code,
            studentIds: studentIds.slice(
              Math.floor((k * studentIds.length) / count),
              Math.floor(((k + 1) * studentIds.length) / count),
            ),
          });
        }
      }
    }
  }
  return groups;
}

/** Draws `count` distinct choices, each with probability proportional to its weight. */
function weightedSample(random: Random, choices: readonly OptionChoice[], count: number): OptionChoice[] {
  const left = [...choices];
  const drawn: OptionChoice[] = [];
  while (drawn.length < count && left.length > 0) {
    let target = random.next() * left.reduce((sum, choice) => sum + choice.weight, 0);
    let index = 0;
    while (index < left.length - 1 && target >= left[index].weight) target -= left[index++].weight;
    drawn.push(...left.splice(index, 1));
  }
  return drawn;
}
