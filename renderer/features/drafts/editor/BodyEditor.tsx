// ProseMirror's own stylesheet, bundled: TipTap's injected <style> is refused by the
// Content-Security-Policy (style-src 'self'), and without `white-space: break-spaces` the browser
// turns a second space into a no-break space, which the draft would then keep.
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-gapcursor/style/gapcursor.css';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { directionOf, type LanguageCode } from '../../../i18n/languages';
import { bodyExtensions } from '../model/bodySchema';
import { BODY_FIELD } from '../model/draftDoc';
import { isAllowedLink } from '../model/links';

/** The contribution's text: a TipTap (ProseMirror) editor bound to the draft's Yjs document. */
export function BodyEditor({
  doc,
  language,
  onEditor,
  readOnly = false,
}: {
  doc: Y.Doc;
  language: LanguageCode;
  onEditor?: (editor: Editor) => void;
  /** Shared with this person to read only: co-authors' edits still appear, live. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation('drafts');
  const editor = useEditor(
    {
      injectCSS: false,
      editable: !readOnly,
      extensions: [...bodyExtensions(), Collaboration.configure({ document: doc, field: BODY_FIELD })],
      editorProps: {
        attributes: {
          class: 'body-editor',
          'aria-label': t('editor.body'),
          'aria-multiline': 'true',
          'aria-readonly': String(readOnly),
          role: 'textbox',
          'data-testid': 'body-editor',
        },
      },
      onCreate: ({ editor: created }) => onEditor?.(created),
    },
    [doc, readOnly],
  );

  return (
    <section className="card" aria-labelledby="body-heading">
      <h2 id="body-heading">{t('editor.body')}</h2>
      {editor && !readOnly && <Toolbar editor={editor} />}
      <div lang={language} dir={directionOf(language)}>
        <EditorContent editor={editor} />
      </div>
    </section>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('drafts');
  const [link, setLink] = useState('');
  const [isLinkRefused, setLinkRefused] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      inTable: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (key: string, isActive: boolean, run: () => void, testId?: string) => (
    <button
      type="button"
      className={`tool${isActive ? ' is-active' : ''}`}
      aria-pressed={isActive}
      data-testid={testId}
      onClick={run}
    >
      {t(`editor.toolbar.${key}`)}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
      {button('heading2', state.h2, () => chain().toggleHeading({ level: 2 }).run(), 'tool-heading')}
      {button('heading3', state.h3, () => chain().toggleHeading({ level: 3 }).run())}
      {button('bold', state.bold, () => chain().toggleBold().run())}
      {button('italic', state.italic, () => chain().toggleItalic().run())}
      {button('bulletList', state.bulletList, () => chain().toggleBulletList().run(), 'tool-bullets')}
      {button('orderedList', state.orderedList, () => chain().toggleOrderedList().run(), 'tool-numbers')}
      {button('table', false, () => chain().insertTable({ rows: 2, cols: 2, withHeaderRow: true }).run(), 'tool-table')}
      {state.inTable && button('addRow', false, () => chain().addRowAfter().run())}
      {state.inTable && button('addColumn', false, () => chain().addColumnAfter().run())}
      {button('undo', false, () => chain().undo().run())}
      {button('redo', false, () => chain().redo().run())}
      <span className="link-tool">
        <input
          type="url"
          dir="ltr"
          value={link}
          placeholder="https://"
          aria-label={t('editor.toolbar.linkAddress')}
          data-testid="link-address"
          onChange={(event) => {
            setLink(event.target.value);
            setLinkRefused(false);
          }}
        />
        {button(
          'link',
          false,
          () => {
            // An empty address removes the link; any scheme but https or mailto is refused, with a reason.
            const address = link.trim();
            if (address !== '' && !isAllowedLink(address)) {
              setLinkRefused(true);
              return;
            }
            if (address === '') chain().unsetLink().run();
            else chain().setLink({ href: address }).run();
            setLink('');
          },
          'tool-link',
        )}
        {isLinkRefused && (
          <span className="hint" role="alert" data-testid="link-refused">
            {t('editor.toolbar.linkRefused')}
          </span>
        )}
      </span>
    </div>
  );
}
