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

/** The part of BroadcastChannel used here (typed here too: the hub's tests compile this module without DOM types). */
interface Channel {
  postMessage(message: RemoteDraftUpdates): void;
  onmessage: ((event: { data: RemoteDraftUpdates }) => void) | null;
}
type ChannelConstructor = new (name: string) => Channel;

const listeners = new Set<Listener>();
const CHANNEL_NAME = 'gapbridge-remote-draft-updates';
let channel: Channel | null = null;

function openChannel(): Channel | null {
  const Broadcast = (globalThis as unknown as { BroadcastChannel?: ChannelConstructor }).BroadcastChannel;
  if (channel || !Broadcast) return channel;
  channel = new Broadcast(CHANNEL_NAME);
  channel.onmessage = (event) => {
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
