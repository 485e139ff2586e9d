import { describe, expect, it, vi } from 'vitest';

vi.stubGlobal('window', { location: { hash: '' }, addEventListener: vi.fn(), removeEventListener: vi.fn() });
const { hashOf, routeFromHash } = await import('./view');

describe('routes in the address hash', () => {
  it.each([
    ['', { view: 'home', path: [] }],
    ['#/meetings', { view: 'meetings', path: [] }],
    ['#/course/lesson/m1-l2', { view: 'course', path: ['lesson', 'm1-l2'] }],
    ['#/course/quiz/3f2a%2F9', { view: 'course', path: ['quiz', '3f2a/9'] }],
    ['#/nowhere/x', { view: 'home', path: [] }],
    ['#main', { view: 'home', path: [] }],
  ])('reads %s', (hash, route) => {
    expect(routeFromHash(hash)).toEqual(route);
  });

  it('writes what it reads', () => {
    expect(routeFromHash(hashOf('course', ['quiz', 'a/b']))).toEqual({ view: 'course', path: ['quiz', 'a/b'] });
  });
});
