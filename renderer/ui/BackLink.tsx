/** A link back up the app; its arrow points to the start of the line, so it mirrors right to left. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <a className="back-link" href={href}>
      <span className="mirror-rtl" aria-hidden="true">
        ←
      </span>{' '}
      {label}
    </a>
  );
}
