/**
 * Network conditions for Chromium's DevTools protocol (`Network.emulateNetworkConditions`), defined
 * once for the e2e tests that sync over a poor link. CDP's throughput is in bytes per second.
 */
export const LINK_2G = { offline: false, latency: 800, downloadThroughput: 250_000 / 8, uploadThroughput: 250_000 / 8 };
export const OFFLINE = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
