/** jsonc-parser's visitor alone, for `duplicates.ts` to require when first needed (the bundle keeps the rest out). */
export { visit } from 'jsonc-parser';
