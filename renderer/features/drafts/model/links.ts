/** The only link schemes a draft may carry: web pages over TLS and e-mail addresses. */
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

/**
 * Whether a link may stay in a draft and in its exports. `file:`, `javascript:`, `data:` and every
 * other scheme are refused (a colleague's file must not open local files or run code), and so is
 * anything the URL parser cannot read.
 */
export function isAllowedLink(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}
