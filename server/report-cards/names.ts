/** How a bulletin names a teacher, the professeur principal or the person who validated it: "Claire Moreau". */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
