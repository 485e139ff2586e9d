import { getSchema, type Extensions } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { isAllowedInEditor } from './links';

/**
 * The body's editing extensions, without the Yjs binding: what the editor loads, and what a
 * document carried in from elsewhere is checked against before it may touch a draft.
 */
export function bodyExtensions(): Extensions {
  return [
    // Yjs keeps its own history (undo covers only this user's changes), so ProseMirror's is off.
    StarterKit.configure({
      undoRedo: false,
      // Only https and mailto links, whether typed, pasted or autolinked; others keep their text.
      link: { openOnClick: false, defaultProtocol: 'https', isAllowedUri: (url) => isAllowedInEditor(url) },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}

let schema: ReturnType<typeof getSchema> | null = null;

/** The ProseMirror schema of the body editor, built once. */
export function bodySchema() {
  schema ??= getSchema(bodyExtensions());
  return schema;
}
