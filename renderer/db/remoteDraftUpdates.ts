/**
 * Draft updates pulled from the hub, announced once they are stored, so that a draft open in any
 * window of this profile shows them at once (the editor applies them with its own origin and does
 * not store or queue them again). The sync loop may run in another window: a BroadcastChannel
 * carries the news there.
 */
export interface RemoteDraftUpdates {
  draftId: string;
  updates: Uint8Array[];
}

type Listener = (news: RemoteDraftUpdates) => void;

const listeners = new Set<Listener>();
const CHANNEL_NAME = 'gapbridge-remote-draft-updates';
let channel: BroadcastChannel | null = null;

function openChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<RemoteDraftUpdates>) => {
    for (const listener of listeners) listener(event.data);
  };
  return channel;
}

export function onRemoteDraftUpdates(listener: Listener): () => void {
  openChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceRemoteDraftUpdates(news: RemoteDraftUpdates): void {
  for (const listener of listeners) listener(news);
  openChannel()?.postMessage(news);
}
