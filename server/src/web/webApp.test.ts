import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/contentSecurityPolicy';
import { serveWebApp } from './webApp';

describe('the web app from the hub', () => {
  it('serves the built renderer with its policy, the index for app paths, and nothing outside it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gapbridge-web-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Gapbridge</title>');
    writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    const app = Fastify();
    expect(serveWebApp(app, root)).toBe(true);

    const index = await app.inject('/meetings');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Gapbridge</title>');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const script = await app.inject('/assets/app-1234.js');
    expect(script.headers['cache-control']).toContain('immutable');
    expect((await app.inject('/assets/..%2F..%2Fetc%2Fpasswd.js')).statusCode).toBe(404);
    expect((await app.inject('/v1/unknown')).statusCode).toBe(404);
    expect(serveWebApp(Fastify(), path.join(root, 'missing'))).toBe(false);
  });
});
