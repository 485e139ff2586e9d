import DOMPurify from 'dompurify';
import { useMemo } from 'react';

const ALLOWED_TAGS = [
  'p',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'bdi',
  'br',
];

/**
 * A lesson's HTML from its content pack, sanitised again here: packs are checked against their
 * hash, but the renderer never trusts markup it did not make.
 */
export function LessonBody({ html }: { html: string }) {
  const clean = useMemo(() => DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['class'] }), [html]);
  return <div className="lesson-body" dangerouslySetInnerHTML={{ __html: clean }} />;
}
