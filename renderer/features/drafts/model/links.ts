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

/**
 * What the editor accepts: an allowed link, or a bare web address ("www.itu.int") that the editor's
 * autolink checks before it writes it as an https link. A bare address that reaches a document
 * some other way has no scheme, so the export drops it (its text stays).
 */
export function isAllowedInEditor(href: unknown): boolean {
  if (isAllowedLink(href)) return true;
  return (
    typeof href === 'string' &&
    !/^[a-z][a-z0-9+.-]*:/i.test(href) &&
    /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(?:[/?#]\S*)?$/u.test(href) &&
    isAllowedLink(`https://${href}`)
  );
}
