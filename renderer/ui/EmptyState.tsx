import type { ReactNode } from 'react';

/** What a section shows before it has anything: what will be here, and how it gets here. */
export function EmptyState({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section className="empty-state">
      <h2>{heading}</h2>
      <p>{children}</p>
    </section>
  );
}
