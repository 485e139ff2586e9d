/**
 * `npm run hub` starts the Gapbridge hub; `npm run hub -- reset-password EMAIL` prints a one-time
 * code with which that person sets a new password (a small hub has no mail server);
 * `npm run hub -- publish calendar|course …` signs and publishes content packs (docs/packs.md),
 * and `npm run hub -- pack-key` prints the hub's public key for the app to pin.
 */
import path from 'node:path';
import { buildHub } from './app';
import { openHubDatabase } from './db/openHubDatabase';
import { createAccounts } from './accounts/accounts';
import { runPackKey, runPublish } from './packs/packCommands';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function main(argv: string[]) {
  const [command = 'serve', ...rest] = argv;
  const packsDir = path.resolve(ROOT, process.env['HUB_PACKS_DIR'] ?? 'hub-packs');
  // Packs live in their folder, not in the database: publishing works while the hub runs.
  if (command === 'publish') {
    console.log(runPublish(packsDir, rest));
    return;
  }
  if (command === 'pack-key') {
    console.log(runPackKey(packsDir));
    return;
  }
  const { db, where } = await openHubDatabase(process.env, ROOT);
  if (command === 'reset-password') {
    const email = rest[0];
    if (!email) throw new Error('usage: npm run hub -- reset-password EMAIL');
    const code = await createAccounts(db).issueResetCode(email);
    console.log(code ? `One-time reset code for ${email} (valid 60 minutes): ${code}` : `No account for ${email}.`);
    await db.close();
    process.exitCode = code ? 0 : 1;
    return;
  }
  if (command !== 'serve')
    throw new Error(`unknown command ${command}: serve | reset-password EMAIL | publish … | pack-key`);
  const app = buildHub({ db, webRoot: path.join(ROOT, 'dist'), packsDir, logger: process.env['HUB_LOG'] !== '0' });
  const port = Number(process.env['PORT'] ?? 8787);
  const host = process.env['HOST'] ?? '127.0.0.1';
  const address = await app.listen({ port, host });
  console.log(`Gapbridge hub on ${address} — data: ${where}; packs: ${packsDir}`);
  const stop = async () => {
    await app.close();
    await db.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
