// setImmediate for a web worker, which has none: the server uses it to run right after the messages
// already read (a zero timeout waits a millisecond or more, clamped to 4 ms when nested). A
// MessageChannel's message is a task of its own, queued behind those already waiting.

type Callback = () => void;

const scope = globalThis as unknown as {
  setImmediate?: (callback: Callback) => unknown;
  clearImmediate?: (handle: unknown) => void;
};

if (typeof scope.setImmediate !== 'function') {
  const waiting = new Map<number, Callback>();
  let next = 0;
  const channel = new MessageChannel();
  // The web's MessagePort (typed here as Node's, which has no onmessage): assigning onmessage starts it.
  (channel.port1 as unknown as { onmessage: (event: { data: number }) => void }).onmessage = (event) => {
    const callback = waiting.get(event.data);
    waiting.delete(event.data);
    callback?.();
  };
  scope.setImmediate = (callback: Callback) => {
    const handle = ++next;
    waiting.set(handle, callback);
    channel.port2.postMessage(handle);
    return handle;
  };
  scope.clearImmediate = (handle: unknown) => {
    waiting.delete(handle as number);
  };
}
