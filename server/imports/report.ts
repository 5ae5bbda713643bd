import type { ImportPlan } from "./plan";

/** The dry run as the page shows it: the plan without the operations it would write. */
export function importReport(plan: ImportPlan) {
  return {
    fileErrors: plan.fileErrors,
    files: plan.files,
    lines: plan.lines,
    leavers: plan.leavers.map(({ name, login, kind, disable }) => ({ name, login, kind, disable })),
    errorCount: plan.errorCount,
    changeCount: plan.changeCount,
    newClasses: plan.ops.classes.map((c) => c.name),
    newGroups: plan.ops.groups,
    newSubjects: plan.ops.subjects.map((s) => s.name),
  };
}

export type ImportReport = ReturnType<typeof importReport>;
