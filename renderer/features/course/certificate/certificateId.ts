const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32: no I, L, O, U

/** A certificate id such as GB-7F3K-92QD-XM4P: 60 random bits, easy to read out and type. */
export function makeCertificateId(randomBytes: Uint8Array = crypto.getRandomValues(new Uint8Array(12))): string {
  const symbols = [...randomBytes.slice(0, 12)].map((byte) => ALPHABET[byte % 32]!);
  return `GB-${symbols.slice(0, 4).join('')}-${symbols.slice(4, 8).join('')}-${symbols.slice(8, 12).join('')}`;
}
