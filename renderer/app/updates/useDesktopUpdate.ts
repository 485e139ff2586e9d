import { useEffect, useState } from 'react';
import { bridge } from '../../platform/bridge';
import type { UpdatesBridge } from '../../platform/contract';
import type { UpdateState } from '../../platform/updateState';

/** The desktop app's update state as the main process reports it; idle in a browser, which has no such updater. */
export function useDesktopUpdate(updates: UpdatesBridge | undefined = bridge.updates): UpdateState {
  const [state, setState] = useState<UpdateState>({ kind: 'idle' });
  useEffect(() => {
    if (!updates) return;
    let current = true;
    const stop = updates.onChange((next) => {
      current = false;
      setState(next);
    });
    // The state at mount, unless a newer one has already arrived.
    void updates.state().then((initial) => {
      if (current) setState(initial);
    });
    return stop;
  }, [updates]);
  return state;
}
