import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BODY_FIELD, bodyJson, bodyText, readCover, writeCover } from './draftDoc';
import { decodeGapdraft, encodeGapdraft, GapdraftError } from './gapdraft';

const meta = {
  id: 'draft-1',
  title: 'QoE of mobile money',
  status: 'draft' as const,
  language: 'fr' as const,
  createdAt: '2031-01-01T10:00:00.000Z',
  updatedAt: '2031-01-01T10:00:00.000Z',
};

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(BODY_FIELD).push([paragraph]);
}

/** Carries a draft from one device to another through a .gapdraft file. */
function carry(from: Y.Doc, to: Y.Doc): void {
  const file = new TextEncoder().encode(encodeGapdraft(meta, from));
  Y.applyUpdate(to, decodeGapdraft(file.buffer as ArrayBuffer).update);
}

describe('.gapdraft files', () => {
  it('carry the whole draft to a fresh device', () => {
    const laptop = new Y.Doc();
    writeCover(laptop, { title: 'QoE of mobile money', questions: '9/12' });
    appendParagraph(laptop, 'Introduction.');
    const desktop = new Y.Doc();
    carry(laptop, desktop);
    expect(readCover(desktop, 'en')).toMatchObject({ title: 'QoE of mobile money', questions: '9/12' });
    expect(bodyText(bodyJson(desktop))).toBe('Introduction.');
  });

  it('merge two copies edited apart, which then converge to the same text', () => {
    const laptop = new Y.Doc();
    writeCover(laptop, { title: 'Draft', source: 'Kenya' });
    appendParagraph(laptop, 'Common introduction.');
    const colleague = new Y.Doc();
    carry(laptop, colleague);

    writeCover(laptop, { title: 'Proposal on QoE of mobile money' });
    appendParagraph(laptop, 'Added on the plane.');
    writeCover(colleague, { abstract: 'Written in the capital.' });
    appendParagraph(colleague, 'Added in the capital.');

    carry(colleague, laptop);
    carry(laptop, colleague);
    expect(bodyJson(laptop)).toEqual(bodyJson(colleague));
    expect(readCover(laptop, 'en')).toEqual(readCover(colleague, 'en'));
    expect(readCover(laptop, 'en')).toMatchObject({
      title: 'Proposal on QoE of mobile money',
      abstract: 'Written in the capital.',
    });
    expect(bodyText(bodyJson(laptop)).split('\n').sort()).toEqual(
      ['Added in the capital.', 'Added on the plane.', 'Common introduction.'].sort(),
    );
  });

  it.each([
    ['not JSON', new TextEncoder().encode('PK\u0003\u0004 a zip file'), 'not-gapdraft'],
    ['another JSON', new TextEncoder().encode('{"format":"docx"}'), 'not-gapdraft'],
    [
      'a damaged state',
      new TextEncoder().encode(
        JSON.stringify({ format: 'gapdraft', version: 1, draft: meta, state: btoa('\u00ff\u00fe\u0001garbage') }),
      ),
      'damaged',
    ],
  ])('refuse %s', (_name, bytes, code) => {
    expect(() => decodeGapdraft(bytes.buffer as ArrayBuffer)).toThrow(GapdraftError);
    try {
      decodeGapdraft(bytes.buffer as ArrayBuffer);
    } catch (error) {
      expect((error as GapdraftError).code).toBe(code);
    }
  });
});
