/** The services of the portal's navigation, by their name in the catalogue (nav.<key>). */
export const NAV_KEYS = [
  "home",
  "directory",
  "timetable",
  "grades",
  "reportCards",
  "homework",
  "logbook",
  "rollCall",
  "schoolLife",
  "absences",
  "virtualClasses",
  "meetings",
  "spaces",
  "handIns",
  "messaging",
  "news",
  "carnet",
  "administration",
  "privacy",
  "account",
] as const;

/** One service of the navigation: its page and its key. */
export interface NavLink {
  href: string;
  key: (typeof NAV_KEYS)[number];
}

type GroupId = "lessons" | "followUp" | "together" | "account";

/**
 * How the services are grouped, in order (the home page stands above them): a pupil's or a parent's day is lessons
 * and work, then how the year goes, then the people of the school, then their own account.
 */
export const NAV_GROUPS: readonly { id: GroupId; keys: readonly NavLink["key"][] }[] = [
  { id: "lessons", keys: ["timetable", "logbook", "homework", "handIns", "virtualClasses"] },
  { id: "followUp", keys: ["grades", "reportCards", "absences", "rollCall", "schoolLife", "meetings"] },
  { id: "together", keys: ["messaging", "carnet", "news", "spaces", "directory"] },
  { id: "account", keys: ["administration", "privacy", "account"] },
];
