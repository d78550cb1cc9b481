import { classifyUnit, mayBeProse, type TextUnit } from './classify-unit.js';
import { mayHaveLabelledDate } from './text-meta.js';

/**
 * The units of a text, each classified the first time something asks what it is. Locating the
 * article looks closely only at the body, the lines around it and the candidates for a body;
 * page furniture further down is ruled out by cheap tests and never classified in full.
 */
export class UnitList {
  readonly #texts: readonly string[];
  readonly #units: Array<TextUnit | undefined>;

  constructor(texts: readonly string[]) {
    this.#texts = texts;
    this.#units = new Array<TextUnit | undefined>(texts.length);
  }

  /** How many units the text has. */
  get length(): number {
    return this.#texts.length;
  }

  /** The unit at `index`, which must be in range. */
  at(index: number): TextUnit {
    let unit = this.#units[index];
    if (unit === undefined) {
      unit = classifyUnit(this.#texts[index] as string);
      this.#units[index] = unit;
    }
    return unit;
  }

  /** Same as `at(index).kind === 'prose'`, classifying only lines that end like prose. */
  isProse(index: number): boolean {
    return mayBeProse(this.#texts[index] as string) && this.at(index).kind === 'prose';
  }

  /** Same as `at(index).date?.labelled === true`, classifying only lines that may hold one. */
  hasLabelledDate(index: number): boolean {
    return (
      mayHaveLabelledDate(this.#texts[index] as string) && this.at(index).date?.labelled === true
    );
  }
}
