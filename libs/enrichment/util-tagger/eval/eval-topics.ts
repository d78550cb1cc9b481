/**
 * `npm run eval:topics`: per-topic precision, recall and F1 of the default tagger on the
 * held-out half of the labelled set and, separately, on the development half. Not a test (the
 * spec `src/evaluation.spec.ts` holds the floor); prints the table and any trap hit.
 *   --errors [dev]   also list the development stories tagged wrongly, each with the evidence
 *                    and score of every topic it scored (`+` wrongly added, `-` missed, `=`
 *                    right); never the held-out ones: looking at those would turn them into
 *                    training data
 */
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { createTagger } from '../src/index.js';
import { evaluate, readEvalSet, type EvalSplit, type Evaluation } from './evaluate.js';
import { explainErrors } from './explain-errors.js';

const pct = (n: number): string => n.toFixed(3).padStart(6);

function print(split: EvalSplit, result: Evaluation): void {
  console.log(`\n${split}: ${result.stories} stories`);
  console.log(
    `${'topic'.padEnd(20)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)}   tp fp fn`,
  );
  for (const t of result.topics) {
    console.log(
      `${t.slug.padEnd(20)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)}   ${t.truePositives} ${t.falsePositives} ${t.falseNegatives}`,
    );
  }
  const micro = result.topics.reduce(
    (a, t) => ({
      tp: a.tp + t.truePositives,
      fp: a.fp + t.falsePositives,
      fn: a.fn + t.falseNegatives,
    }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const p = micro.tp / (micro.tp + micro.fp);
  const r = micro.tp / (micro.tp + micro.fn);
  console.log(`${'(micro average)'.padEnd(20)} ${pct(p)} ${pct(r)} ${pct((2 * p * r) / (p + r))}`);
  console.log(`traps hit: ${result.trapsHit.length === 0 ? 'none' : result.trapsHit.join('; ')}`);
}

const tagger = createTagger(defaultTaxonomy);
const slugs = defaultTaxonomy.topics.map((t) => t.slug);
const dev = evaluate(tagger, readEvalSet('dev'), slugs);
print('held-out', evaluate(tagger, readEvalSet('held-out'), slugs));
print('dev', dev);
const errorsAt = process.argv.indexOf('--errors');
if (errorsAt >= 0) {
  const split = process.argv[errorsAt + 1] ?? 'dev';
  if (split !== 'dev') {
    console.error(
      `--errors lists development stories only, not ${split}: the held-out half stays unseen`,
    );
    process.exit(2);
  }
  const probe = createTagger(defaultTaxonomy, { threshold: 0.001 });
  const lines = explainErrors(tagger, probe, readEvalSet('dev'));
  console.log(
    `\ndev stories tagged wrongly (${dev.errors.length}):\n${lines.join('\n') || '(none)'}`,
  );
}
