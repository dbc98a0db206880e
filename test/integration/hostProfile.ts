/**
 * Where the extension host's thread spends its time while some work runs: the inspector's sampling profiler, started
 * before the work (its own start-up shows as a long first sample), cut into busy stretches (consecutive samples that
 * are neither idle nor the profiler's "(program)"). A stretch is what keeps the event loop from turning; each one is
 * attributed to garbage collection, to Drift Inspector's code (its bundle on the sampled stack) or to the rest (other
 * extensions, VS Code's own host code).
 */
import * as inspector from 'node:inspector';

export interface Stretch {
  ms: number;
  /** Of `ms`: with Drift Inspector's bundle on the stack, and in the garbage collector. */
  oursMs: number;
  gcMs: number;
  /** The most sampled frames, e.g. "spawn (node:child_process)". */
  top: string[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Runs `work` under the profiler (sampling every 0.2 ms); `ours` tells a script URL of this extension's bundle. */
export async function profileHost<T>(work: () => Promise<T>, ours: (url: string) => boolean): Promise<{ value: T; stretches: Stretch[] }> {
  const session = new inspector.Session();
  session.connect();
  const post = <R>(method: string, params: object = {}) =>
    new Promise<R>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as R))));
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    // The profiler's start blocks the thread once; let that pass before the work starts.
    await new Promise((r) => setTimeout(r, 500));
    const value = await work();
    const { profile } = await post<{ profile: Profile }>('Profiler.stop');
    return { value, stretches: stretchesOf(profile, ours) };
  } finally {
    session.disconnect();
  }
}

function stretchesOf(profile: Profile, ours: (url: string) => boolean): Stretch[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isOurs = new Map<number, boolean>();
  const oursOn = (id: number): boolean => {
    let known = isOurs.get(id);
    if (known === undefined) {
      const p = parent.get(id);
      known = ours(byId.get(id)!.callFrame.url) || (p !== undefined && oursOn(p));
      isOurs.set(id, known);
    }
    return known;
  };
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} (${f.url.split('/').pop() || 'native'})`;
  };
  type Counting = Stretch & { counts: Map<string, number> };
  const stretches: Counting[] = [];
  let current: Counting | undefined;
  profile.samples.forEach((id, i) => {
    // The first sample's delta is the time from the profiler's start, not a sample's length.
    const ms = i === 0 ? 0 : profile.timeDeltas[i] / 1000;
    const name = byId.get(id)!.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') {
      current = undefined;
      return;
    }
    if (!current) stretches.push((current = { ms: 0, oursMs: 0, gcMs: 0, top: [], counts: new Map() }));
    current.ms += ms;
    if (name === '(garbage collector)') current.gcMs += ms;
    else if (oursOn(id)) current.oursMs += ms;
    current.counts.set(label(id), (current.counts.get(label(id)) ?? 0) + 1);
  });
  return stretches
    .map(({ counts, ...s }) => ({ ...s, top: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k]) => k) }))
    .sort((a, b) => b.ms - a.ms);
}
