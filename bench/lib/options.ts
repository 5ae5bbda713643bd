import { parseArgs } from "node:util";

/** Every scenario's command line: `--smoke` for tiny sizes (keeps the scripts working), `--runs` for the median. */
export function benchOptions() {
  const { values } = parseArgs({
    options: {
      smoke: { type: "boolean", default: false },
      runs: { type: "string" },
      establishments: { type: "string" },
      clients: { type: "string" },
      documents: { type: "string" },
      recipients: { type: "string" },
    },
    allowPositionals: false,
  });
  const smoke = values.smoke ?? false;
  return {
    smoke,
    runs: Number(values.runs ?? (smoke ? 1 : 3)),
    /** the region's size, for the scenarios that need the large dataset */
    establishments: Number(values.establishments ?? (smoke ? 2 : 300)),
    /** co-editing: simulated y-websocket clients, and the documents they share */
    clients: Number(values.clients ?? (smoke ? 6 : 200)),
    documents: Number(values.documents ?? (smoke ? 2 : 40)),
    /** fan-out: people connected to the live channel when the announcement is published */
    recipients: Number(values.recipients ?? (smoke ? 20 : 1_000)),
  };
}

export type BenchOptions = ReturnType<typeof benchOptions>;
