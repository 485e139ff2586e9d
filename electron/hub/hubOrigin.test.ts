import { describe, expect, it } from 'vitest';
import { toHubOrigin } from './hubOrigin';

describe('toHubOrigin', () => {
  it.each([
    ['https://hub.example.org', 'https://hub.example.org'],
    ['  https://Hub.Example.org/  ', 'https://hub.example.org'],
    ['https://hub.example.org:8443/#/settings', 'https://hub.example.org:8443'],
    ['hub.example.org', 'https://hub.example.org'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('takes %j as the hub %j', (typed, origin) => {
    expect(toHubOrigin(typed)).toBe(origin);
  });

  it.each([
    ['http on the network: the token would cross in clear', 'http://hub.example.org'],
    ['http to a name that only starts like localhost', 'http://localhost.attacker.example'],
    ['another scheme', 'ftp://hub.example.org'],
    ['a file', 'file:///etc/passwd'],
    ['script', 'javascript:alert(1)'],
    ['a user name', 'https://admin:secret@hub.example.org'],
    ['a path the hub does not serve from', 'https://example.org/gapbridge'],
    ['a query', 'https://hub.example.org/?next=https://attacker.example'],
    ['nothing', '   '],
    ['too long', `https://${'h'.repeat(2050)}.org`],
    ['not an address', 'https://'],
  ])('refuses %s', (_why, typed) => {
    expect(toHubOrigin(typed)).toBeNull();
  });
});
