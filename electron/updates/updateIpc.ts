import { IPC } from '../../renderer/platform/contract';
import { noMore } from '../hub/hubIpc';
import type { IpcHandler } from '../ipc';
import type { UpdateController } from './updateController';

/** The updater's IPC channels: none takes an argument, so any argument is refused. */
export function createUpdateIpcHandlers(
  controller: Pick<UpdateController, 'state' | 'restartNow' | 'later'>,
): Record<string, IpcHandler> {
  return {
    async [IPC.updateState](_sender, ...extra) {
      noMore(extra);
      return controller.state();
    },
    async [IPC.updateRestart](_sender, ...extra) {
      noMore(extra);
      return controller.restartNow();
    },
    async [IPC.updateLater](_sender, ...extra) {
      noMore(extra);
      controller.later();
    },
  };
}
