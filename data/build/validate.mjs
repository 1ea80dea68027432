// A small JSON Schema (draft-07) checker for the keywords data/pack.schema.json uses.
// A keyword it does not know is an error, so the schema cannot drift past what is checked.

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'markdownDescription', 'examples', 'default', 'definitions']);
const ASSERTIONS = new Set([
  '$ref', 'type', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'properties', 'required', 'additionalProperties', 'patternProperties', 'items', 'minItems', 'maxItems',
]);

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v, t) {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

function resolve(root, ref) {
  if (!ref.startsWith('#/')) throw new Error(`schema: only local $ref is supported: ${ref}`);
  let node = root;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!node) throw new Error(`schema: unresolved $ref ${ref}`);
  return node;
}

/**
 * Validates `value` against `schema`; returns a list of error strings (empty when valid).
 * Stops after `limit` errors.
 */
export function validate(value, schema, { limit = 20 } = {}) {
  const errors = [];
  const regexCache = new Map();
  const re = (p) => {
    let r = regexCache.get(p);
    if (!r) regexCache.set(p, (r = new RegExp(p, 'u')));
    return r;
  };

  function check(v, s, path) {
    if (errors.length >= limit) return;
    for (const k of Object.keys(s)) {
      if (!ASSERTIONS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`schema: unsupported keyword "${k}" at ${path}`);
    }
    if (s.$ref) {
      check(v, resolve(schema, s.$ref), path);
      return; // draft-07: siblings of $ref are ignored
    }
    const err = (msg) => errors.push(`${path || '/'}: ${msg}`);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((t) => typeMatches(v, t))) return err(`expected ${types.join('|')}, got ${typeOf(v)}`);
    }
    if (s.const !== undefined && v !== s.const) return err(`expected ${JSON.stringify(s.const)}`);
    if (s.enum && !s.enum.includes(v)) return err(`expected one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(v)}`);
    if (typeof v === 'string') {
      if (s.pattern && !re(s.pattern).test(v)) err(`${JSON.stringify(v)} does not match ${s.pattern}`);
      if (s.minLength !== undefined && [...v].length < s.minLength) err(`shorter than ${s.minLength}`);
      if (s.maxLength !== undefined && [...v].length > s.maxLength) err(`longer than ${s.maxLength}`);
    }
    if (typeof v === 'number') {
      if (s.minimum !== undefined && v < s.minimum) err(`less than ${s.minimum}`);
      if (s.maximum !== undefined && v > s.maximum) err(`greater than ${s.maximum}`);
    }
    if (Array.isArray(v)) {
      if (s.minItems !== undefined && v.length < s.minItems) err(`fewer than ${s.minItems} items`);
      if (s.maxItems !== undefined && v.length > s.maxItems) err(`more than ${s.maxItems} items`);
      if (s.items) v.forEach((item, i) => check(item, s.items, `${path}/${i}`));
    }
    if (typeOf(v) === 'object') {
      for (const r of s.required ?? []) if (!(r in v)) err(`missing required property "${r}"`);
      const props = s.properties ?? {};
      const patterns = Object.entries(s.patternProperties ?? {});
      for (const [k, val] of Object.entries(v)) {
        const p = `${path}/${k}`;
        let matched = false;
        if (Object.prototype.hasOwnProperty.call(props, k)) {
          matched = true;
          check(val, props[k], p);
        }
        for (const [pat, ps] of patterns) {
          if (re(pat).test(k)) {
            matched = true;
            check(val, ps, p);
          }
        }
        if (!matched && s.additionalProperties !== undefined) {
          if (s.additionalProperties === false) err(`property "${k}" is not allowed`);
          else if (typeof s.additionalProperties === 'object') check(val, s.additionalProperties, p);
        }
      }
    }
  }

  check(value, schema, '');
  return errors;
}
