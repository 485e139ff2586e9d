import { getSchema, type Extensions } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/**
 * The body's editing extensions, without the Yjs binding: what the editor loads, and what a
 * document carried in from elsewhere is checked against before it may touch a draft.
 */
export function bodyExtensions(): Extensions {
  return [
    // Yjs keeps its own history (undo covers only this user's changes), so ProseMirror's is off.
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false, protocols: ['https', 'mailto'] } }),
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
