import type { Page } from 'playwright-core';

/** Changes still waiting in this profile's outbox, read from its IndexedDB. */
export function waitingChanges(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('gapbridge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

/** The text of the draft editor open on the page. */
export const editorText = (page: Page) => page.getByTestId('body-editor').innerText();
