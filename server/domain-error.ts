/**
 * A refusal a service explains to the person (a mark above the barème, a period of another year...). Its message is
 * an i18n catalogue key; tRPC answers it as a BAD_REQUEST, translated, and nothing has been written.
 */
export class DomainError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}
