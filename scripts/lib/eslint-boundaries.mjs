// Tote's architecture boundaries as one ESLint rule (`tote/boundaries`).
//
// Why a local rule rather than eslint-plugin-boundaries: this one classifies both ends of
// an import purely from paths (the importing file and the specifier resolved against
// it), so it needs no module resolver, gives the same answer whether or not the target
// exists yet, and works on virtual paths in ESLint's lintText (tests/lint proves it).
//
// Layers (DESIGN.md section 1):
//   src/domain/**   pure TypeScript: imports only itself and the packages in
//                   DOMAIN_PACKAGES; no client, no server, no Node built-ins, no
//                   React, no Dexie, no browser-only libraries.
//   src/client/**   the PWA: never imports src/server; no Node built-ins and no
//                   server-only packages; dexie and dexie-react-hooks only inside
//                   src/client/local/** and src/client/sync/**;
//                   src/client/features/<a>/** never imports src/client/features/<b>/**.
//   src/server/**   the API: never imports src/client; no browser-only packages.
//   anything else   (tests/, scripts/, config files): unrestricted.
//
// Test files (*.test.ts[x]) obey the layer rules too, but may import any package or
// built-in (vitest, fake-indexeddb, dexie to inspect storage, node:fs for fixtures...).
import { builtinModules } from 'node:module';
import path from 'node:path';

/** The only packages src/domain may import. Add to this list deliberately. */
export const DOMAIN_PACKAGES = ['zod', 'uuidv7'];

/** Packages that only make sense on the server. */
const SERVER_ONLY = [/^fastify$/, /^@fastify\//, /^kysely$/, /^better-sqlite3$/, /^pg$/, /^pg-/];
/** Packages that only make sense in the browser. */
const BROWSER_ONLY = [/^dexie$/, /^dexie-/, /^workbox-/, /^virtual:/, /^react-dom\/client$/];
/** The packages that touch IndexedDB directly. */
const DEXIE = [/^dexie$/, /^dexie-react-hooks$/];

const BUILTINS = new Set(builtinModules);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

function toPosix(p) {
  return p.split(path.sep).join('/');
}

/** Where a project-relative path sits in the architecture. */
export function classify(rel) {
  if (rel === 'src/domain' || rel.startsWith('src/domain/')) return { layer: 'domain' };
  if (rel === 'src/server' || rel.startsWith('src/server/')) return { layer: 'server' };
  if (rel === 'src/client' || rel.startsWith('src/client/')) {
    const rest = rel.slice('src/client/'.length);
    const feature = /^features\/([^/]+)(\/|$)/.exec(rest)?.[1];
    const area = rest.split('/')[0] ?? '';
    return { layer: 'client', area, feature };
  }
  return { layer: 'other' };
}

function packageName(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.split('/')[0];
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || BUILTINS.has(packageName(spec)) || BUILTINS.has(spec);
}

/** The project-relative path an import points at, or null for a package. */
function localTarget(root, filename, spec) {
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
    return toPosix(path.relative(root, path.resolve(path.dirname(filename), spec)));
  }
  // Vite-style root paths and bare "src/..." both mean the project root.
  if (spec.startsWith('/src/')) return spec.slice(1);
  if (spec.startsWith('src/')) return spec;
  return null;
}

/** Returns the reason an import is forbidden, or null when it is allowed. */
export function checkImport({ root, filename, spec }) {
  const rel = toPosix(path.relative(root, filename));
  const from = classify(rel);
  if (from.layer === 'other') return null;
  const isTest = TEST_FILE.test(rel);

  const target = localTarget(root, filename, spec);
  if (target !== null) {
    const to = classify(target);
    if (from.layer === 'domain' && (to.layer === 'client' || to.layer === 'server')) {
      return `src/domain must not import src/${to.layer} (domain is shared by both and depends on neither)`;
    }
    if (from.layer === 'client' && to.layer === 'server') {
      return 'src/client must not import src/server (share code through src/domain)';
    }
    if (from.layer === 'server' && to.layer === 'client') {
      return 'src/server must not import src/client (share code through src/domain)';
    }
    if (from.layer === 'client' && from.feature && to.layer === 'client' && to.feature && to.feature !== from.feature) {
      return `feature "${from.feature}" must not import feature "${to.feature}" (move shared code to src/client/ui, local, sync or src/domain)`;
    }
    return null;
  }

  if (isTest) return null;
  const name = packageName(spec);

  if (from.layer === 'domain') {
    if (isBuiltin(spec)) return `src/domain must not import Node built-in "${spec}" (domain runs in the browser too)`;
    if (!DOMAIN_PACKAGES.includes(name)) {
      return `src/domain may only import ${DOMAIN_PACKAGES.join(', ')}; "${spec}" is not pure domain code (see DOMAIN_PACKAGES in scripts/lib/eslint-boundaries.mjs)`;
    }
    return null;
  }
  if (from.layer === 'client') {
    if (isBuiltin(spec)) return `src/client must not import Node built-in "${spec}" (it runs in the browser)`;
    if (SERVER_ONLY.some((re) => re.test(spec))) return `src/client must not import server-only package "${spec}"`;
    if (DEXIE.some((re) => re.test(spec)) && from.area !== 'local' && from.area !== 'sync') {
      return `only src/client/local (and sync) may import "${spec}"; read and write data through src/client/local`;
    }
    return null;
  }
  if (from.layer === 'server') {
    if (BROWSER_ONLY.some((re) => re.test(spec))) return `src/server must not import browser-only package "${spec}"`;
    return null;
  }
  return null;
}

/** The string literal an import-like node points at, if it is static. */
function literal(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return { ...node, value: node.quasis[0].value.cooked };
  }
  if (node.type === 'TSLiteralType') return literal(node.literal);
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: "Enforce Tote's one-way dependencies between domain, client, server and features" },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' } },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: { forbidden: "Forbidden import '{{spec}}': {{reason}}." },
  },
  create(context) {
    const root = context.options[0].root;
    const filename = context.filename;
    const check = (sourceNode) => {
      const lit = literal(sourceNode);
      if (!lit) return;
      const reason = checkImport({ root, filename, spec: lit.value });
      if (reason) context.report({ node: sourceNode, messageId: 'forbidden', data: { spec: lit.value, reason } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => n.source && check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      TSImportType: (n) => check(n.argument ?? n.parameter),
      TSExternalModuleReference: (n) => check(n.expression),
      'CallExpression[callee.name="require"]': (n) => check(n.arguments[0]),
    };
  },
};

export const totePlugin = {
  meta: { name: 'tote' },
  rules: { boundaries: boundariesRule },
};
