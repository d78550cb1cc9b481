import { describe, expect, it } from 'vitest';
import { findPeople } from './find-people.js';

describe('findPeople', () => {
  it('finds people by title and by post-nominal letters', () => {
    expect(
      findPeople([
        'Clive Betts MP, chair of the Committee, said so.',
        'The inquiry was sparked by Professor Alexis Jay’s study. Cllr Sarah Lee and Dame Louise Casey agreed.',
      ]),
    ).toEqual(['Clive Betts', 'Alexis Jay', 'Sarah Lee', 'Louise Casey']);
  });

  it('counts a person once, under the fullest name', () => {
    expect(findPeople(['Dr Jay said so.', 'Professor Alexis Jay said so.', 'said Betts.'])).toEqual(
      ['Alexis Jay'],
    );
  });

  it('does not take titles of office for names', () => {
    expect(findPeople(['Lord Chancellor Smith', 'Lord Justice Singh ruled.'])).toEqual([
      'Smith',
      'Singh',
    ]);
    expect(findPeople(['the MP for Sheffield', 'the council said'])).toEqual([]);
  });
});
