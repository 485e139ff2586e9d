import { afterEach, describe, expect, it, vi } from 'vitest';
import { isServedOverWeb, startOfflineWorker, type OfflineWorkerHost } from './offlineWorker';

function fakeContainer() {
  return {
    register: vi.fn(() => Promise.reject(new Error('not expected'))),
    addEventListener: vi.fn(),
  } as unknown as ServiceWorkerContainer & { register: ReturnType<typeof vi.fn> };
}

function host(href: string, container = fakeContainer(), isProductionBuild = true): OfflineWorkerHost {
  return { href, container, isProductionBuild, reloadPage: vi.fn() };
}

afterEach(() => vi.unstubAllGlobals());

describe('the offline worker', () => {
  it('is for pages served over http(s) only', () => {
    expect(isServedOverWeb('http://localhost:5173/#/course')).toBe(true);
    expect(isServedOverWeb('https://gapbridge.example/')).toBe(true);
    expect(isServedOverWeb('app://gapbridge/index.html')).toBe(false);
    expect(isServedOverWeb('file:///opt/Gapbridge/index.html')).toBe(false);
  });

  it('is never registered in Electron, which loads the same build over app://', () => {
    const container = fakeContainer();
    // Even if the global container were reachable, nothing may register through it.
    vi.stubGlobal('navigator', { serviceWorker: container });
    expect(startOfflineWorker(host('app://gapbridge/index.html#/home', container))).toBeNull();
    expect(container.register).not.toHaveBeenCalled();
    expect(container.addEventListener).not.toHaveBeenCalled();
  });

  it('is not registered by the development server, which builds none', () => {
    const container = fakeContainer();
    vi.stubGlobal('navigator', { serviceWorker: container });
    expect(startOfflineWorker(host('http://localhost:5173/', container, false))).toBeNull();
    expect(container.register).not.toHaveBeenCalled();
  });

  it('is not registered where the browser has no service workers', () => {
    expect(startOfflineWorker({ ...host('http://localhost:5173/'), container: undefined })).toBeNull();
  });
});
