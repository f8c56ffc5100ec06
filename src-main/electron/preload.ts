/**
 * The preload of a sandboxed window: only `electron`'s contextBridge and ipcRenderer exist here, and
 * this file is bundled on its own (scripts/build-main.ts) because a sandboxed preload cannot require
 * our other modules. It exposes exactly one function. ipcRenderer itself is never handed to the page:
 * with it, any script in the page could send on any channel and listen to every reply.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, type RegularsBridge } from './ipc.ts';

const bridge: RegularsBridge = {
  // Only the three arguments cross: never the IPC event, never a function the page could call back into.
  invoke: (method, input, locale) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input, locale),
};

contextBridge.exposeInMainWorld('regulars', bridge);
