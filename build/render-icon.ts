/**
 * Renders renderer/app/icon.svg to build/icon.png (1024 px), from which electron-builder
 * derives the Windows, macOS and Linux icons. Run with `npx tsx build/render-icon.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../test/support/chromium';

const SIZE = 1024;
const svg = readFileSync(path.resolve(import.meta.dirname, '../renderer/app/icon.svg'), 'utf8');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `)}</body></html>`,
);
await page.screenshot({ path: path.resolve(import.meta.dirname, 'icon.png'), omitBackground: true });
await browser.close();
