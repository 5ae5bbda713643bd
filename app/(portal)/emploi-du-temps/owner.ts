import type { ServerApi } from "@/server/trpc/request-context";

/**
 * Which week the timetable page shows, from its search parameters (?enfant=, ?classe=, ?groupe=, ?enseignant=,
 * ?salle=, and ?semaine= for the week): asked explicitly, or the person's own by default. The policy decides when the
 * week is read whether they may see it.
 */
export type Choices = Awaited<ReturnType<ServerApi["timetable"]["choices"]>>;

export interface Search {
  semaine?: string;
  enfant?: string;
  classe?: string;
  groupe?: string;
  enseignant?: string;
  salle?: string;
}

export type Owner =
  | { kind: "student"; id: string; param: "enfant" | null }
  | { kind: "class"; id: string; param: "classe" }
  | { kind: "group"; id: string; param: "groupe" }
  | { kind: "teacher"; id: string; param: "enseignant" | null }
  | { kind: "room"; id: string; param: "salle" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ownerOf(search: Search, choices: Choices): Owner | null {
  const asked = (value: string | undefined) => (value && UUID.test(value) ? value : null);
  const classe = asked(search.classe);
  if (classe) return { kind: "class", id: classe, param: "classe" };
  const groupe = asked(search.groupe);
  if (groupe) return { kind: "group", id: groupe, param: "groupe" };
  const enseignant = asked(search.enseignant);
  if (enseignant) return { kind: "teacher", id: enseignant, param: enseignant === choices.teacher ? null : "enseignant" };
  const salle = asked(search.salle);
  if (salle) return { kind: "room", id: salle, param: "salle" };
  const enfant = asked(search.enfant);
  if (enfant) return { kind: "student", id: enfant, param: "enfant" };
  if (choices.student) return { kind: "student", id: choices.student, param: null };
  if (choices.teacher) return { kind: "teacher", id: choices.teacher, param: null };
  if (choices.children[0]) return { kind: "student", id: choices.children[0].id, param: "enfant" };
  if (choices.classes[0]) return { kind: "class", id: choices.classes[0].id, param: "classe" };
  return null;
}

/** The page's address for an owner and a week. */
export function hrefOf(owner: Pick<Owner, "id" | "param"> | null, week?: string): string {
  const params = new URLSearchParams();
  if (owner?.param) params.set(owner.param, owner.id);
  if (week) params.set("semaine", week);
  const query = params.toString();
  return `/emploi-du-temps${query ? `?${query}` : ""}`;
}

export function weekOf(api: ServerApi, owner: Owner, week: string) {
  switch (owner.kind) {
    case "student":
      return api.timetable.studentWeek({ studentId: owner.id, week });
    case "class":
      return api.timetable.classWeek({ classId: owner.id, week });
    case "group":
      return api.timetable.groupWeek({ groupId: owner.id, week });
    case "teacher":
      return api.timetable.teacherWeek({ teacherId: owner.id, week });
    case "room":
      return api.timetable.roomWeek({ roomId: owner.id, week });
  }
}
