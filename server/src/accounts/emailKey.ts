/** The form an address is compared in: trimmed, NFC, lower case. It is kept as typed for display. */
export function emailKey(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
