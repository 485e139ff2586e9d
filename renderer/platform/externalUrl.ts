/** Hosts whose pages may be opened in the system browser: ITU's own sites. */
export const EXTERNAL_HOSTS = ['itu.int'] as const;

/**
 * The normalised address when `value` is an https URL on an allow-listed host (or a subdomain),
 * else null. Parsed with URL, never matched as a string prefix.
 */
export function toAllowedExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  const allowed = EXTERNAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  return allowed ? url.href : null;
}
