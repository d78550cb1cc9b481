import { describe, expect, it } from 'vitest';
import { summariseLede } from './summarise-lede.js';
import { readRotherhamArticle } from './testing.js';

describe('summariseLede', () => {
  it('takes the example story’s lede, which is one long sentence', () => {
    expect(summariseLede(readRotherhamArticle().bodyText)).toBe(
      'The circumstances found within Rotherham council that allowed over 1,400 children in the area to be sexually abused over 16 years are likely to be found in other local authorities, an inquiry from the Communities and Local Government Committee has found.',
    );
  });

  it('adds the second sentence when the first is short, and never the next paragraph', () => {
    expect(summariseLede('The council met. It agreed a budget. Then it rose.\n\nMore.')).toBe(
      'The council met. It agreed a budget.',
    );
    expect(summariseLede('One line only.\n\nSecond paragraph.')).toBe('One line only.');
  });

  it('does not end a sentence at an abbreviation or inside a number', () => {
    expect(summariseLede('Dr. Smith said £1.4m was spent. Mr. Jones agreed. Then more.')).toBe(
      'Dr. Smith said £1.4m was spent. Mr. Jones agreed.',
    );
  });

  it('cuts a lede with no sentence end at a word', () => {
    const long = 'word '.repeat(100).trim();
    const summary = summariseLede(long);
    expect(summary.length).toBeLessThanOrEqual(320);
    expect(summary.endsWith('word…')).toBe(true);
  });
});
