/**
 * Side by side in a day column: items whose times overlap (two groups of a class at the same hour, a detention over a
 * lesson) share the column's width, each in its own lane; the others take it all.
 */
export interface Timed {
  startsAt: string;
  endsAt: string;
}

export interface Laned<T> {
  item: T;
  lane: number;
  lanes: number;
}

export function intoLanes<T extends Timed>(items: T[]): Laned<T>[] {
  const sorted = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || b.endsAt.localeCompare(a.endsAt));
  const result: Laned<T>[] = [];
  let cluster: Laned<T>[] = [];
  let clusterEnds = "";
  const close = () => {
    const lanes = Math.max(0, ...cluster.map((c) => c.lane)) + 1;
    for (const placed of cluster) placed.lanes = lanes;
    result.push(...cluster);
    cluster = [];
  };
  for (const item of sorted) {
    if (cluster.length && item.startsAt >= clusterEnds) close();
    // the first lane whose last item has ended
    const busy = new Set(cluster.filter((c) => c.item.endsAt > item.startsAt).map((c) => c.lane));
    let lane = 0;
    while (busy.has(lane)) lane++;
    cluster.push({ item, lane, lanes: 1 });
    if (item.endsAt > clusterEnds) clusterEnds = item.endsAt;
  }
  if (cluster.length) close();
  return result;
}

/** "08:30" → minutes since midnight. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}
