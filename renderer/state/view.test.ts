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

describe('leaving a screen that guards it', () => {
  it('stays when the guard says no, goes when it says yes, and never asks to stay in place', async () => {
    const { guardLeaving, navigate, useViewStore } = await import('./view');
    useViewStore.setState({ view: 'drafts', path: ['edit', 'd1'] });
    let answer = false;
    const guard = vi.fn(() => answer);
    const release = guardLeaving(guard);

    navigate('drafts', 'edit', 'd1');
    expect(guard).not.toHaveBeenCalled();
    navigate('home');
    expect(useViewStore.getState()).toEqual({ view: 'drafts', path: ['edit', 'd1'] });
    answer = true;
    navigate('home');
    expect(useViewStore.getState()).toEqual({ view: 'home', path: [] });

    release();
    guard.mockClear();
    navigate('drafts');
    expect(guard).not.toHaveBeenCalled();
  });
});

describe('following the address', () => {
  it('takes up a change of address made while the app was starting, before it listened', async () => {
    const { followAddressHash, useViewStore } = await import('./view');
    useViewStore.setState({ view: 'course', path: ['quiz', 'q1'] });
    window.location.hash = '#/course';
    const stop = followAddressHash();
    expect(useViewStore.getState()).toEqual({ view: 'course', path: [] });
    stop();
  });
});
