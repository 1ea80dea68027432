// The parts of the core the benchmark calls, bundled by bench/lib/build.mjs with esbuild into
// out/bench/engine.cjs (the same bundler and settings as scripts/build.mjs, not minified, with a
// source map so that CPU profiles map back to src/ file:line).
export { Engine } from '../../src/core/engine';
export { CheckSession } from '../../src/core/session';
export { occurrenceAt } from '../../src/core/occurrenceAt';
export { loadPacks } from '../../src/core/pack/load';
export { bundledPackFiles, diskPackFile } from '../../src/core/pack/nodeFiles';
export { BUNDLED_PACKS } from '../../src/core/pack/bundled';
export { cardToMarkdown } from '../../src/core/card/markdown';
export { LineIndex } from '../../src/core/text/lineIndex';
export * as recognizeModule from '../../src/core/recognize';
export * as importModule from '../../src/core/import';
export { JsonWalker } from '../../src/core/recognize/json/walk';
export { EditedText } from '../../src/core/text/editedText';
export { completionContext } from '../../src/core/complete';
