import { describe, expect, it } from 'vitest';
import { isChromeLine } from './text-chrome.js';

// One line for each way the vocabulary can match, several only through one alternative.
const VOCABULARY = [
  '© Northfield County Council',
  'Site content ©2024 Northfield',
  '(c) 2024 Northfield County Council',
  'COPYRIGHT NORTHFIELD COUNTY COUNCIL',
  'Northfield County Council. ALL RIGHTS RESERVED',
  'This website uses cookies to improve your experience',
  'Read our cookie policy',
  'Accept analytics cookies',
  'Sign up to the weekly council e-bulletin',
  'Subscribe to our free newsletter today',
  'Newsletter: sign up here',
  'Enter your e-mail address',
  'Have your say in the comments',
  'Tell us what you think',
  'Be the first to comment',
  'Join the discussion',
  'Find out more',
  'Discover the full story',
  'Load more',
  'Show all',
  'Council news: READ MORE',
  'Schools and education: continue reading',
  'Housing news – view all',
  'Related stories:',
  'Share this article...',
  'Comments (3) :',
  'More on this story.',
];

describe('isChromeLine vocabulary', () => {
  it.each(VOCABULARY)('recognises %s', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it('trusts the vocabulary only on lines shorter than a paragraph', () => {
    const padding = ' and the council said the scheme would continue next year'.repeat(5);
    for (const line of VOCABULARY.filter((phrase) => !/[.:]$/.test(phrase))) {
      expect(isChromeLine(`${line}${padding}`), line).toBe(false);
    }
  });

  it('ends a section label where its trailing punctuation starts', () => {
    expect(isChromeLine('More on this.')).toBe(true);
    expect(isChromeLine('More on .')).toBe(false);
    expect(isChromeLine('Related stories: council tax')).toBe(false);
  });
});
