/** An Open311 error: answered as `[{ code, description }]` with the HTTP status as the code. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}
