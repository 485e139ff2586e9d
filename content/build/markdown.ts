import { Marked, type Tokens } from 'marked';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Lesson Markdown to HTML. References in backticks (`Q9/12`, `SG13-C123`) become <bdi>, so they
 * keep their own direction inside Arabic text. Raw HTML, links and images are dropped.
 */
const marked = new Marked({
  gfm: true,
  renderer: {
    codespan: ({ text }: Tokens.Codespan) => `<bdi class="ref">${escapeHtml(text)}</bdi>`,
    html: () => '',
    image: () => '',
    link({ tokens }: Tokens.Link) {
      return this.parser.parseInline(tokens);
    },
  },
});

export function lessonMarkdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false }).trim();
}
