/**
 * A translatable message of an import report: a key of the `imports` catalogue namespace and its values. A value may
 * itself be a list of messages (the names of missing columns, of changed fields), translated and joined where shown.
 */
export interface Message {
  key: string;
  values?: Record<string, string | number | Message[]>;
}

/** The names of a roster's fields as the page shows them ("nom", "prénom", "classe"), never the code's. */
export const fieldNames = (fields: readonly string[]): Message[] => fields.map((field) => ({ key: `imports.fields.${field}` }));
