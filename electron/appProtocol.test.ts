import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppFile } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from './security/contentSecurityPolicy';

const root = path.resolve('/opt/gapbridge/dist');

describe('the app:// scheme', () => {
  it("does not allow service workers: the web build's offline worker is for browsers only", () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('allowServiceWorkers');
  });
});

describe('resolveAppFile', () => {
  it('maps app addresses to files under the root', () => {
    expect(resolveAppFile(root, 'app://gapbridge/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAppFile(root, 'app://gapbridge/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://gapbridge/meetings')).toBe(path.join(root, 'index.html'));
  });

  it.each(['app://gapbridge/../../etc/passwd.txt', 'app://gapbridge/%2e%2e/%2e%2e/etc/passwd.txt'])(
    'keeps dot segments of %s inside the root',
    (url) => {
      expect(resolveAppFile(root, url)).toBe(path.join(root, 'etc/passwd.txt'));
    },
  );

  it.each([
    'app://gapbridge/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.json',
    'app://gapbridge/a%00.js',
    'app://gapbridge/%E0%A4%A.js',
    'app://other/index.html',
    'https://gapbridge/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map([
    [path.join(root, 'index.html'), new TextEncoder().encode('<!doctype html>')],
    [path.join(root, 'assets/pdf.worker.min-abc.mjs'), new TextEncoder().encode('export {}')],
  ]);
  const handler = createAppProtocolHandler(root, async (file) => {
    const body = files.get(file);
    if (!body) throw new Error('ENOENT');
    return body;
  });

  it('serves files with their type and the Content-Security-Policy', async () => {
    const response = await handler(new Request('app://gapbridge/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('<!doctype html>');
  });

  it("serves an .mjs file (the PDF reader's module worker) as JavaScript", async () => {
    const response = await handler(new Request('app://gapbridge/assets/pdf.worker.min-abc.mjs'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file or a refused address', async () => {
    expect((await handler(new Request('app://gapbridge/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://gapbridge/../secret.json'))).status).toBe(404);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows scripts from the app only, and nothing inline or remote', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
