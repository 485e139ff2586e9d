/**
 * `npm run hub` starts the Gapbridge hub; `npm run hub -- reset-password EMAIL` prints a one-time
 * code with which that person sets a new password (a small hub has no mail server);
 * `npm run hub -- publish calendar|course …` signs and publishes content packs (docs/packs.md),
 * `npm run hub -- publish app DIR` publishes the desktop app's release (the output of `npm run dist`),
 * `publish certificate-keys` publishes the certificate keys as a signed pack,
 * and `npm run hub -- pack-key` prints the hub's public key for the app to pin.
 * Certificate keys: `certificate-keys` prints the published keys (the JSON the app ships),
 * `rotate-certificate-key` retires the signing key for a new one, `revoke-certificate-key KEY_ID`
 * revokes a key whose certificates must fail from now on.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildHub } from './app';
import { openHubDatabase } from './db/openHubDatabase';
import { createAccounts } from './accounts/accounts';
import { loadAnswerKey } from './certificates/answerKey';
import { createSigningKeys } from './certificates/signingKeys';
import { runPublishApp } from './appUpdates/appRelease';
import { runPackKey, runPublish, runPublishCertificateKeys } from './packs/packCommands';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function main(argv: string[]) {
  const [command = 'serve', ...rest] = argv;
  const packsDir = path.resolve(ROOT, process.env['HUB_PACKS_DIR'] ?? 'hub-packs');
  const appDir = path.resolve(ROOT, process.env['HUB_APP_DIR'] ?? 'hub-app');
  // Packs and app releases live in their folders, not in the database: publishing works while the hub runs.
  if (command === 'publish' && rest[0] === 'app') {
    console.log(await runPublishApp(appDir, rest[1]));
    return;
  }
  if (command === 'publish' && rest[0] === 'certificate-keys') {
    // The certificate keys are in the database: published as a pack for devices to refresh theirs.
    const { db } = await openHubDatabase(process.env, ROOT);
    try {
      console.log(runPublishCertificateKeys(packsDir, await createSigningKeys(db, () => new Date()).published()));
    } finally {
      await db.close();
    }
    return;
  }
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
  if (command.includes('certificate-key')) {
    await certificateKeyCommand(
      createSigningKeys(db, () => new Date()),
      command,
      rest[0],
    );
    await db.close();
    return;
  }
  if (command !== 'serve')
    throw new Error(
      `unknown command ${command}: serve | reset-password EMAIL | certificate-keys | rotate-certificate-key | revoke-certificate-key KEY_ID | publish … | pack-key`,
    );
  // The answer key comes from the course packs the app was built with (not the published ones).
  const coursePacksDir = process.env['HUB_COURSE_PACKS_DIR'] ?? builtPacksDir();
  const answerKey = loadAnswerKey(coursePacksDir);
  if (!answerKey)
    console.warn(`No course packs in ${coursePacksDir}: certificates cannot be issued (npm run build:content).`);
  const app = buildHub({
    db,
    webRoot: path.join(ROOT, 'dist'),
    packsDir,
    appDir,
    logger: process.env['HUB_LOG'] !== '0',
    answerKey,
  });
  const port = Number(process.env['PORT'] ?? 8787);
  const host = process.env['HOST'] ?? '127.0.0.1';
  const address = await app.listen({ port, host });
  console.log(`Gapbridge hub on ${address} — data: ${where}; packs: ${packsDir}; app releases: ${appDir}`);
  const stop = async () => {
    await app.close();
    await db.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** The packs the hub serves with the web app (dist/packs), else those the content build wrote. */
function builtPacksDir(): string {
  const served = path.join(ROOT, 'dist', 'packs');
  return existsSync(path.join(served, 'manifest.json')) ? served : path.join(ROOT, 'renderer', 'public', 'packs');
}

async function certificateKeyCommand(keys: ReturnType<typeof createSigningKeys>, command: string, keyId?: string) {
  if (command === 'certificate-keys') {
    console.log(JSON.stringify(await keys.published(), null, 2));
  } else if (command === 'rotate-certificate-key') {
    console.log(
      `New certificate signing key: ${await keys.rotate()} (the old one is retired; its certificates stay valid).`,
    );
  } else if (command === 'revoke-certificate-key' && keyId) {
    const found = await keys.revoke(keyId);
    console.log(found ? `Revoked ${keyId}: its certificates now fail verification.` : `No key ${keyId}.`);
    process.exitCode = found ? 0 : 1;
  } else {
    throw new Error('usage: npm run hub -- certificate-keys | rotate-certificate-key | revoke-certificate-key KEY_ID');
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
