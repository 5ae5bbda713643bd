/** A translatable message of an import report: a key of the `imports` catalogue namespace and its values. */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
}
