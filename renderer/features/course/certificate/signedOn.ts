/** The day a hub signed a certificate (YYYY-MM-DD, UTC) as a Date to format in UTC, so no zone moves it a day. */
export function signedOnDate(issuedOn: string): Date {
  return new Date(`${issuedOn}T00:00:00Z`);
}
