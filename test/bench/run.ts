import { launchChromium } from '../support/chromium';
import { startRendererServer } from '../support/rendererServer';
import { certificateFigures } from './certificates';
import { courseFigures } from './course';
import { draftsFigures } from './drafts';
import { meetingsFigures } from './meetings';
import { packFigures } from './packs';
import { shellFigures, type Figure } from './shell';
import { syncFigures } from './sync';

const SUITES = { shell: shellFigures, course: courseFigures, meetings: meetingsFigures, drafts: draftsFigures };
/** Suites measured in Node, without the browser. */
const NODE_SUITES = { sync: syncFigures, certificates: certificateFigures, packs: packFigures };

/**
 * `npm run bench`: prints figures measured on this machine. A benchmark, never a pass/fail test.
 * `npm run bench -- drafts` measures one suite.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const chosen = (name: string) => only.length === 0 || only.includes(name);
  const figures: Figure[] = [];
  if (Object.keys(SUITES).some(chosen)) {
    const server = await startRendererServer();
    const browser = await launchChromium();
    try {
      for (const [name, measure] of Object.entries(SUITES)) {
        if (chosen(name)) figures.push(...(await measure(browser, server.origin)));
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  for (const [name, measure] of Object.entries(NODE_SUITES)) {
    if (chosen(name)) figures.push(...(await measure()));
  }
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log('\nGapbridge benchmarks (Chromium, production build; sync in Node over an emulated link)\n');
  for (const { name, value, target } of figures) {
    console.log(`${name.padEnd(width)}  ${value}${target ? `   target ${target}` : ''}`);
  }
}

await main();
