/** Ends a `switch` over a union: the compiler refuses the call while a member is unhandled. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`);
}
