// From records (one object per sample, as JSON.parse or readCsv gives them) to X and Y.
import { describe, expect, it } from 'vitest';
import { ValueError, fromRecords, oneHot } from '../src/index.js';
import { encodeRecords } from '../src/train/records.js';
import { callFrozen } from './helpers/frozen.js';
import { expectError } from './helpers/errors.js';

const penguins = [
  { species: 'Gentoo', beak: 46, island: 'Biscoe', male: true },
  { species: 'Adelie', beak: 39, island: 'Dream', male: false },
  { species: 'Chinstrap', beak: 49, island: 'Dream', male: true },
  { species: 'Adelie', beak: 38, island: 'Torgersen', male: false },
];

describe('fromRecords', () => {
  it('puts numeric inputs in the rows of X, one column per record, and numbers in the target make a regression', () => {
    const data = fromRecords([{ x: 1, z: 10, y: 2.5 }, { x: 2, z: 20, y: 3.5 }], { inputs: ['x', 'z'], target: 'y' });
    expect(data.X.toArray()).toEqual([[1, 2], [10, 20]]);
    expect(data.Y.toArray()).toEqual([[2.5, 3.5]]);
    expect([data.features, data.labels, data.targets, data.dropped]).toEqual([['x', 'z'], undefined, [2.5, 3.5], 0]);
  });
  it('one-hot encodes a text target in sorted class order, naming the classes in labels', () => {
    const data = fromRecords(penguins, { inputs: ['beak'], target: 'species' });
    expect(data.labels).toEqual(['Adelie', 'Chinstrap', 'Gentoo']); // sorted, not first-seen (Gentoo first)
    expect(data.Y.toArray()).toEqual([
      [0, 1, 0, 1], // Adelie: records 2 and 4
      [0, 0, 1, 0], // Chinstrap
      [1, 0, 0, 0], // Gentoo
    ]);
    expect(data.targets).toEqual(['Gentoo', 'Adelie', 'Chinstrap', 'Adelie']);
  });
  it('the class order does not depend on the order of the records', () => {
    const reversed = fromRecords(penguins.slice().reverse(), { inputs: ['beak'], target: 'species' });
    expect(reversed.labels).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
  });
  it('a boolean target is a classification with the classes "false" and "true"', () => {
    const data = fromRecords(penguins, { inputs: ['beak'], target: 'male' });
    expect([data.labels, data.Y.toArray()]).toEqual([['false', 'true'], [[0, 1, 0, 1], [1, 0, 1, 0]]]);
  });
  it("task: 'classification' takes numbers as classes, sorted by value (9 before 10), named as text", () => {
    const data = fromRecords([{ x: 1, digit: 10 }, { x: 2, digit: 9 }, { x: 3, digit: 10 }], { inputs: ['x'], target: 'digit', task: 'classification' });
    expect([data.labels, data.targets, data.Y.toArray()]).toEqual([['9', '10'], ['10', '9', '10'], [[0, 1, 0], [1, 0, 1]]]);
  });
  it("task: 'regression' refuses a target that is not a number, naming the row", () => {
    expectError(() => fromRecords([{ x: 1, y: 'a' }], { inputs: ['x'], target: 'y', task: 'regression' }), ValueError, 'fromRecords: row 1, column "y" is "a" but the column holds numbers (every value must be a finite number)');
    expectError(() => fromRecords([{ x: 1, y: 1 }], { inputs: ['x'], target: 'y', task: 'sort' as never }), ValueError, "fromRecords: task is \"sort\" but it must be 'auto', 'classification' or 'regression'");
    expectError(() => fromRecords([{ x: 1, y: 1 }, { x: 2, y: '1' }], { inputs: ['x'], target: 'y', task: 'classification' }), ValueError, 'fromRecords: column "y" holds "1" both as text and as a number or boolean but class names must be distinct as text');
  });
  it('one-hot encodes a categorical input, one feature per category named column=category, sorted', () => {
    const data = fromRecords(penguins, { inputs: ['beak', 'island'], target: 'species' });
    expect(data.features).toEqual(['beak', 'island=Biscoe', 'island=Dream', 'island=Torgersen']);
    expect(data.X.toArray()).toEqual([
      [46, 39, 49, 38],
      [1, 0, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 0, 1],
    ]);
  });
  it("missing: 'error' (the default) names the row, counting from 1, the column and the value", () => {
    const records = [{ x: 1, y: 'a' }, { x: null, y: 'b' }];
    expectError(() => fromRecords(records, { inputs: ['x'], target: 'y' }), ValueError, `fromRecords: row 2 has null in column "x" but missing is 'error' (pass missing: 'drop' to leave such rows out)`);
    expectError(() => fromRecords([{ x: 1, y: '' }], { inputs: ['x'], target: 'y' }), ValueError, `fromRecords: row 1 has "" in column "y" but missing is 'error' (pass missing: 'drop' to leave such rows out)`);
  });
  it("missing: 'drop' leaves out records with an absent, null, empty or NaN value in a named column, and counts them", () => {
    const records = [{ x: 1, y: 'a', other: null }, { x: null, y: 'b' }, { y: 'b' }, { x: NaN, y: 'a' }, { x: 2, y: '' }, { x: 3, y: 'b' }];
    const data = fromRecords(records, { inputs: ['x'], target: 'y', missing: 'drop' });
    expect([data.X.toArray(), data.targets, data.dropped]).toEqual([[[1, 3]], ['a', 'b'], 4]); // "other" is not asked for
    expect(data.records).toEqual([records[0], records[5]]); // the same objects
    expect(data.records[0]).toBe(records[0]);
  });
  it('names the row and column of a non-number in a numeric column, never a silent NaN', () => {
    const records = [{ hp: 130, mpg: 18 }, { hp: 'n/a', mpg: 15 }];
    expectError(() => fromRecords(records, { inputs: ['hp'], target: 'mpg' }), ValueError, 'fromRecords: row 2, column "hp" is "n/a" but the column holds numbers (every value must be a finite number)');
    expectError(() => fromRecords([{ hp: 1, mpg: 1 }, { hp: 2, mpg: 'x' }], { inputs: ['hp'], target: 'mpg' }), ValueError, 'fromRecords: row 2, column "mpg" is "x" but the column holds numbers (every value must be a finite number)');
    expectError(() => fromRecords([{ hp: Infinity, mpg: 1 }], { inputs: ['hp'], target: 'mpg' }), ValueError, 'fromRecords: row 1, column "hp" is Infinity but the column holds numbers (every value must be a finite number)');
  });
  it('counts rows in the input even after dropped ones', () => {
    const records = [{ hp: null, mpg: 1 }, { hp: 1, mpg: 1 }, { hp: 'x', mpg: 1 }];
    expect(() => fromRecords(records, { inputs: ['hp'], target: 'mpg', missing: 'drop' })).toThrow('fromRecords: row 3, column "hp"');
  });
  it('names the row of a value that is neither text nor a boolean in a categorical column', () => {
    expectError(() => fromRecords([{ c: 'a', y: 1 }, { c: { b: 1 }, y: 2 }], { inputs: ['c'], target: 'y' }), ValueError, 'fromRecords: row 2, column "c" is an object (Object) but the column holds categories (text or booleans)');
  });
  it('refuses a column no record has (with a did-you-mean), a column named twice, and records that are not objects', () => {
    expectError(() => fromRecords(penguins, { inputs: ['beek'], target: 'species' }), ValueError, 'fromRecords: no record has a column "beek" (did you mean "beak"?) (columns: species, beak, island, male)');
    expectError(() => fromRecords(penguins, { inputs: ['beak', 'species'], target: 'species' }), ValueError, 'fromRecords: column "species" is named twice in inputs and target (each column once; the target is not an input)');
    expectError(() => fromRecords([{ x: 1 }, 5] as never, { inputs: ['x'], target: 'x' }), ValueError, 'fromRecords: row 2 is 5 but each record must be an object');
    expectError(() => fromRecords([], { inputs: ['x'], target: 'y' }), ValueError, 'fromRecords: records is an array of 0 entries but it must be a non-empty list of objects');
    expectError(() => fromRecords(penguins, { inputs: [], target: 'species' }), ValueError, 'fromRecords: inputs is an array of 0 entries but it must be a non-empty list of column names');
    expectError(() => fromRecords(penguins, { inputs: ['beak'], target: 'species', missing: 'skip' as never }), ValueError, `fromRecords: missing is "skip" but it must be 'error' or 'drop'`);
    expectError(() => fromRecords(penguins, { inputs: ['beak', 3] as never, target: 'species' }), ValueError, 'fromRecords: inputs is an array of 2 entries but it must be a non-empty list of column names');
    expectError(() => fromRecords(penguins, { inputs: ['beak'], target: 3 as never }), ValueError, 'fromRecords: target is 3 but it must be a column name');
    expectError(() => fromRecords([null] as never, { inputs: ['x'], target: 'y' }), ValueError, 'fromRecords: row 1 is null but each record must be an object');
    expectError(() => fromRecords([[1]] as never, { inputs: ['x'], target: 'y' }), ValueError, 'fromRecords: row 1 is an array of 1 entry but each record must be an object');
    expectError(() => fromRecords(penguins, undefined as never), ValueError, 'fromRecords: inputs is undefined but it must be a non-empty list of column names');
  });
  it('says so when every record is dropped', () => {
    expectError(() => fromRecords([{ x: null, y: 1 }], { inputs: ['x'], target: 'y', missing: 'drop' }), ValueError, 'fromRecords: every one of the 1 row has a missing value in "x", "y", so none is left');
  });
  it('leaves the records untouched', () => {
    const data = callFrozen((r: typeof penguins) => fromRecords(r, { inputs: ['beak', 'island'], target: 'species' }), penguins);
    expect(data.X.cols).toBe(4);
  });
});

describe('oneHot', () => {
  it('makes a classes × samples matrix with a single 1 per column, classes sorted by default', () => {
    expect(oneHot(['dog', 'cat', 'dog']).toArray()).toEqual([[0, 1, 0], [1, 0, 1]]);
    expect(oneHot([10, 9, 10]).toArray()).toEqual([[0, 1, 0], [1, 0, 1]]); // numbers by value: 9 before 10
  });
  it('takes the classes’ order, and refuses a label that is not among them', () => {
    expect(oneHot(['b'], ['b', 'a']).toArray()).toEqual([[1], [0]]);
    expectError(() => oneHot(['c'], ['a', 'b']), ValueError, 'oneHot: labels entry 1 is "c" but the classes are "a", "b" (every label must be one of them)');
    expectError(() => oneHot([]), ValueError, 'oneHot: labels is an array of 0 entries but it must be a non-empty list of labels');
    expectError(() => oneHot(['a'], ['a', 'a']), ValueError, 'oneHot: classes lists "a" twice (each class once)');
  });
});

describe('encodeRecords (how classify reads records)', () => {
  const features = ['beak', 'island=Biscoe', 'island=Dream'];
  it('takes each numeric feature from its column and sets column=category to 1 for the record’s category', () => {
    expect(encodeRecords([{ beak: 40, island: 'Dream', extra: 'ignored' }], features, 'f')).toEqual([[40, 0, 1]]);
  });
  it('finds the column of column=category even when the column name has an "="', () => {
    expect(encodeRecords([{ 'a=b': 'c=d' }], ['a=b=c=d', 'a=b=e'], 'f')).toEqual([[1, 0]]);
  });
  it('refuses a category not seen in training, a missing column, a missing value and a non-number', () => {
    expectError(() => encodeRecords([{ beak: 40, island: 'Mars' }], features, 'f'), ValueError, 'f: row 1 has "Mars" in column "island" but the network knows only "Biscoe", "Dream" (a category not seen in training has no input)');
    expectError(() => encodeRecords([{ beek: 40, island: 'Dream' }], features, 'f'), ValueError, 'f: row 1 has no column "beak" (did you mean "beek"?) but the network\'s features are beak, island=Biscoe, island=Dream');
    expectError(() => encodeRecords([{ beak: null, island: 'Dream' }], features, 'f'), ValueError, 'f: row 1 has null in column "beak" but a prediction needs every input');
    expectError(() => encodeRecords([{ beak: '40', island: 'Dream' }], features, 'f'), ValueError, 'f: row 1, column "beak" is "40" but the column holds numbers (every value must be a finite number)');
    expectError(() => encodeRecords([{ beak: 40, island: 'Dream' }, { beak: 41, island: null }], features, 'f'), ValueError, 'f: row 2 has null in column "island" but a prediction needs every input');
    expectError(() => encodeRecords([{ beak: 40, island: 'Dream' }, { beak: 41, island: 7 }], features, 'f'), ValueError, 'f: row 2, column "island" is 7 but the column holds categories (text or booleans)');
    for (const bad of [5, null, [40, 1]]) expect(() => encodeRecords([bad] as never, features, 'f')).toThrow(`f: row 1 is ${bad === null ? 'null' : bad === 5 ? '5' : 'an array of 2 entries'} but it must be a record (an object)`);
  });
});
