/**
 * Loaded into a server under measurement (`node --expose-gc --import bench/lib/heap-probe.mjs …`, with an IPC
 * channel): asked "heap?", it collects garbage and answers with the JavaScript heap still in use, in bytes. Unlike the
 * process's resident memory, this figure does not keep what the allocator has not yet given back to the system, nor
 * the WebAssembly memory of an embedded PGlite, which only ever grows.
 */
process.channel?.unref();
process.on("message", (message) => {
  if (message !== "heap?") return;
  globalThis.gc();
  globalThis.gc();
  process.send({ heapUsed: process.memoryUsage().heapUsed });
});
