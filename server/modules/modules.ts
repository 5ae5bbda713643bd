/**
 * The services (modules) an establishment's administrator can switch off. Everything not listed here (accueil,
 * annuaire, compte, administration) is always on.
 */
export const MODULES = [
  "grades",
  "reportCards",
  "timetable",
  "homework",
  "attendance",
  "spaces",
  "messaging",
  "virtualClasses",
] as const;

export type Module = (typeof MODULES)[number];

export function isModule(value: string): value is Module {
  return (MODULES as readonly string[]).includes(value);
}

/**
 * Which module each tRPC router namespace belongs to: a call to a router of a disabled module is refused by the one
 * middleware of `establishmentProcedure`. A new service's router adds its line here.
 */
export const ROUTER_MODULES: Readonly<Record<string, Module>> = {
  grades: "grades",
  reportCards: "reportCards",
  timetable: "timetable",
  homework: "homework",
  attendance: "attendance",
  spaces: "spaces",
  files: "spaces",
  handIns: "spaces",
  documents: "spaces",
  blog: "spaces",
  messaging: "messaging",
  news: "messaging",
  virtualClasses: "virtualClasses",
};

/** Which module each navigation link belongs to: the portal hides the links of disabled modules. */
export const NAV_MODULES: Readonly<Record<string, Module>> = {
  grades: "grades",
  reportCards: "reportCards",
  timetable: "timetable",
  homework: "homework",
  logbook: "homework",
  rollCall: "attendance",
  schoolLife: "attendance",
  absences: "attendance",
  spaces: "spaces",
  handIns: "spaces",
  messaging: "messaging",
  carnet: "messaging",
  news: "messaging",
  virtualClasses: "virtualClasses",
  meetings: "virtualClasses",
};

/** The module of a procedure path such as "grades.publish", if its router belongs to one. */
export function moduleOfPath(path: string): Module | undefined {
  return ROUTER_MODULES[path.split(".")[0]];
}
