/** The section's title; focusable so that a change of section can move focus to it. */
export function PageHeading({ title, intro }: { title: string; intro?: string | undefined }) {
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{title}</h1>
      {intro && <p className="intro">{intro}</p>}
    </div>
  );
}
