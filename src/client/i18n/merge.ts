type Tree = Record<string, unknown>;

function isTree(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(into: Tree, from: Tree, path: string): Tree {
  const out: Tree = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const at = path ? `${path}.${k}` : k;
    const cur = out[k];
    if (isTree(cur) && isTree(v)) out[k] = deepMerge(cur, v, at);
    else if (cur !== undefined) throw new Error(`i18n key ${at} is defined twice`);
    else out[k] = v;
  }
  return out;
}

/** The core strings of one language with every `areas/<area>.<lng>.json` merged in. */
export function mergeAreas(core: Tree, files: Record<string, { default: Tree }>, lng: string): Tree {
  let out = core;
  for (const [file, mod] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.endsWith(`.${lng}.json`)) continue;
    out = deepMerge(out, mod.default, '');
  }
  return out;
}
