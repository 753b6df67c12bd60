/** Deleting an item that others still use: a 409 whose `details` say by what (see settings-list). */
export class InUseError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>
  ) {
    super(message);
  }
}
