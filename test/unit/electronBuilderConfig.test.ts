import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run dist` cannot run here (it downloads Electron and packaging tools), but the
// configuration it reads can be checked against electron-builder's own schema.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  build: { publish: Array<{ provider: string; url: string }>; nsis: { differentialPackage: boolean } };
  dependencies: Record<string, string>;
};

describe('the electron-builder configuration', () => {
  it("is valid for the project's electron-builder", async () => {
    await expect(validateConfiguration(pkg.build, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('publishes update manifests for the generic provider at a hub app folder, with blockmaps', () => {
    expect(pkg.build.publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/\/v1\/app\/$/) }]);
    expect(pkg.build.nsis.differentialPackage).toBe(true);
    // electron-builder reads electron-updater's version from dependencies to write modern manifests.
    expect(pkg.dependencies['electron-updater']).toMatch(/^\^6\./);
  });
});
