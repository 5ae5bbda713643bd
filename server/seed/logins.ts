/** The identifiant of a name: "Chloé" "Le Gall" → "chloe.le-gall" (lowercase, no accents, no apostrophes). */
export function loginSlug(firstName: string, lastName: string): string {
  const slug = (name: string) =>
    name
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return `${slug(firstName)}.${slug(lastName)}`;
}

/**
 * Hands out unique identifiants: "emma.bernard", then "emma.bernard2", "emma.bernard3"... A prefix
 * ("0691042k.emma.bernard") keeps the logins of one establishment apart from every other without a lookup.
 */
export class LoginAllocator {
  private readonly taken = new Set<string>();

  constructor(private readonly prefix = "") {}

  /** Marks a login as used (a named demo account) so that generated people never get it. */
  reserve(login: string): void {
    this.taken.add(login);
  }

  allocate(firstName: string, lastName: string): string {
    const base = this.prefix + loginSlug(firstName, lastName);
    let login = base;
    for (let suffix = 2; this.taken.has(login); suffix++) login = `${base}${suffix}`;
    this.taken.add(login);
    return login;
  }
}
