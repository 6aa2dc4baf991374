// From records (one object per sample, as JSON.parse or readCsv gives them) to X and Y.
import { describe, expect, it } from 'vitest';
import { type DataRecord, FROM_RECORDS_LIMITS, Network, ValueError, fromRecords, oneHot } from '../src/index.js';
import { encodeRecords } from '../src/train/records.js';
import { callFrozen } from './helpers/frozen.js';
import { expectError } from './helpers/errors.js';
import { growth } from './helpers/growth.js';

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
    expectError(() => fromRecords([{ x: 1, y: 'a' }], { inputs: ['x'], target: 'y', task: 'regression' }), ValueError, 'fromRecords: column "y" holds numbers but row 1 is "a" (every value must be a finite number, or null where it is missing)');
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
    expectError(() => fromRecords(records, { inputs: ['x'], target: 'y' }), ValueError, `fromRecords: row 2 has null in column "x" but missing is 'error' (pass missing: 'drop' to leave such rows out, or 'mean', 'median' or 'mode' to fill the value in)`);
    expectError(() => fromRecords([{ x: 1, y: '' }], { inputs: ['x'], target: 'y' }), ValueError, `fromRecords: row 1 has "" in column "y" but missing is 'error' (pass missing: 'drop' to leave such rows out, or 'mean', 'median' or 'mode' to fill the value in)`);
  });
  it("missing: 'drop' leaves out records with an absent, null, empty or NaN value in a named column, and counts them", () => {
    const records = [{ x: 1, y: 'a', other: null }, { x: null, y: 'b' }, { y: 'b' }, { x: NaN, y: 'a' }, { x: 2, y: '' }, { x: 3, y: 'b' }];
    const data = fromRecords(records, { inputs: ['x'], target: 'y', missing: 'drop' });
    expect([data.X.toArray(), data.targets, data.dropped]).toEqual([[[1, 3]], ['a', 'b'], 4]); // "other" is not asked for
    expect(data.records).toEqual([records[0], records[5]]); // the same objects
    expect(data.records[0]).toBe(records[0]);
  });
  it('names the row and column of a non-number in a numeric column, never a silent NaN', () => {
    const records = [{ hp: 130, mpg: 18 }, { hp: 'n/a', mpg: 15 }, { hp: 95, mpg: 20 }];
    expectError(() => fromRecords(records, { inputs: ['hp'], target: 'mpg' }), ValueError, 'fromRecords: column "hp" holds numbers but row 2 is "n/a" (every value must be a finite number, or null where it is missing)');
    expectError(() => fromRecords([{ hp: 1, mpg: 1 }, { hp: 2, mpg: 'x' }], { inputs: ['hp'], target: 'mpg' }), ValueError, 'fromRecords: column "mpg" holds numbers but row 2 is "x" (every value must be a finite number, or null where it is missing)');
    expectError(() => fromRecords([{ hp: Infinity, mpg: 1 }], { inputs: ['hp'], target: 'mpg' }), ValueError, 'fromRecords: column "hp" holds numbers but row 1 is Infinity (every value must be a finite number, or null where it is missing)');
  });
  it('counts rows in the input even after dropped ones', () => {
    const records = [{ hp: null, mpg: 1 }, { hp: 1, mpg: 1 }, { hp: 'x', mpg: 1 }, { hp: 2, mpg: 1 }];
    expect(() => fromRecords(records, { inputs: ['hp'], target: 'mpg', missing: 'drop' })).toThrow('fromRecords: column "hp" holds numbers but row 3 is "x"');
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
    expectError(() => fromRecords(penguins, { inputs: ['beak'], target: 'species', missing: 'skip' as never }), ValueError, `fromRecords: missing is "skip" but it must be 'error', 'drop', 'mean', 'median' or 'mode'`);
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

describe('fromRecords: missing values filled in (issue 20, item 3)', () => {
  // x: 1, ·, 5, 6 (mean (1 + 5 + 6)/3 = 4, median 5); k: a, b, ·, b (mode b)
  const records = [{ x: 1, k: 'a', y: 'p' }, { x: null, k: 'b', y: 'q' }, { x: 5, k: null, y: 'p' }, { x: 6, k: 'b', y: 'q' }];
  it("missing: 'mean' fills a number with its column's mean over the records given, a category with the commonest one", () => {
    const data = fromRecords(records, { inputs: ['x', 'k'], target: 'y', missing: 'mean' });
    expect(data.features).toEqual(['x', 'k=a', 'k=b']); // no category for the missing value
    expect(data.X.toArray()).toEqual([[1, 4, 5, 6], [1, 0, 0, 0], [0, 1, 1, 1]]);
    expect([data.impute, data.imputed, data.dropped, data.droppedBy]).toEqual([{ x: 4, k: 'b' }, { x: 1, k: 1 }, 0, {}]);
    expect(data.records).toEqual(records); // the records as given, their nulls kept
  });
  it("missing: 'median' takes the middle value, the mean of the two middle ones for an even count", () => {
    expect(fromRecords(records, { inputs: ['x'], target: 'y', missing: 'median' }).impute).toEqual({ x: 5 }); // 1, 5, 6
    const even = [1, 2, 10, 20, null].map((x, n) => ({ x, y: n })); // (2 + 10)/2 = 6
    expect(fromRecords(even, { inputs: ['x'], target: 'y', missing: 'median' }).X.toArray()).toEqual([[1, 2, 10, 20, 6]]);
  });
  it("missing: 'mode' takes the commonest value; a tie goes to the first in sorted order (the smallest number)", () => {
    const numbers = [3, 1, 3, 1, null].map((x, n) => ({ x, k: ['b', 'a', 'a', 'b', null][n], y: n }));
    expect(fromRecords(numbers, { inputs: ['x', 'k'], target: 'y', missing: 'mode' }).impute).toEqual({ x: 1, k: 'a' });
    expect(fromRecords([{ x: 1, y: 0 }, { x: 2, y: 1 }, { x: 2, y: 2 }], { inputs: ['x'], target: 'y', missing: 'mode' }).impute).toEqual({ x: 2 });
  });
  it('never fills a target: a record without one is dropped, and droppedBy says so', () => {
    const data = fromRecords([...records, { x: 2, k: 'a', y: null }], { inputs: ['x', 'k'], target: 'y', missing: 'mean' });
    expect([data.X.cols, data.dropped, data.droppedBy, data.impute]).toEqual([4, 1, { y: 1 }, { x: 4, k: 'b' }]); // the fills from the 4 records kept
  });
  it("with missing: 'drop', droppedBy says which columns caused how many drops (a record missing two counts for both)", () => {
    const data = fromRecords([{ a: null, b: null, y: 1 }, { a: null, b: 1, y: 2 }, { a: 1, b: 1, y: 3 }, { a: 1, b: 2, y: undefined }], { inputs: ['a', 'b'], target: 'y', missing: 'drop' });
    expect([data.dropped, data.droppedBy, data.impute, data.imputed]).toEqual([3, { a: 2, b: 1, y: 1 }, undefined, {}]);
    expect(() => fromRecords([{ a: null, b: 1, y: 1 }], { inputs: ['a', 'b'], target: 'y', missing: undefined })).toThrow("missing is 'error'"); // undefined: the default
  });
  it('refuses to fill a column that has no value at all', () => {
    expectError(() => fromRecords([{ x: null, z: 1, y: 1 }, { z: 2, y: 2 }], { inputs: ['z', 'x'], target: 'y', missing: 'median' }), ValueError, `fromRecords: column "x" has no value in any row, so missing: 'median' has nothing to fill it with (leave the column out of inputs)`);
  });
  it('fills a new record the same way when the network carries the fills: net.impute, saved in its JSON', () => {
    const data = fromRecords(records, { inputs: ['x', 'k'], target: 'y', missing: 'mean' });
    const net = Network.fromWeights([{ weights: [[1, 10, 100]], biases: [0] }]); // ŷ = x + 10·[k = a] + 100·[k = b]
    net.features = data.features;
    net.impute = data.impute;
    expect(net.predict([{ x: null, k: 'a' }, { x: 2, k: null }, { k: 'a' }])).toEqual([14, 102, 14]); // 4 + 10, 2 + 100, 4 + 10
    const copy = Network.fromJSON(JSON.stringify(net));
    expect([copy.toJSON().impute, copy.predict([{ x: null, k: null }])]).toEqual([{ x: 4, k: 'b' }, [104]]);
    expectError(() => Network.fromJSON(JSON.stringify({ ...net.toJSON(), impute: undefined })).predict([{ x: null, k: 'a' }]), ValueError, 'Network.predict: row 1 has null in column "x" but a prediction needs every input (or net.impute, the fills of fromRecords\' missing: \'mean\', \'median\' or \'mode\')');
  });
});

describe('fromRecords: column types (issue 20, item 5)', () => {
  it("categorical: [...] reads a column of numbers as categories (sex coded 1 and 2), sorted by value", () => {
    const data = fromRecords([{ sex: 2, age: 30, y: 1 }, { sex: 10, age: 40, y: 2 }, { sex: 2, age: 50, y: 3 }], { inputs: ['sex', 'age'], target: 'y', categorical: ['sex'] });
    expect([data.features, data.X.toArray()]).toEqual([['sex=2', 'sex=10', 'age'], [[1, 0, 1], [0, 1, 0], [30, 40, 50]]]);
    const net = Network.fromWeights([{ weights: [[1, 2, 0]], biases: [0] }]);
    net.features = data.features;
    expect(net.predict([{ sex: 10, age: 1 }])).toEqual([2]); // a number is its category's name
  });
  it('refuses categorical naming a column that is not an input, or that is not a list of names', () => {
    expectError(() => fromRecords(penguins, { inputs: ['beak'], target: 'species', categorical: ['island'] }), ValueError, 'fromRecords: categorical names "island" but inputs does not (categorical lists the input columns to read as categories)');
    expectError(() => fromRecords(penguins, { inputs: ['beak'], target: 'species', categorical: 'beak' as never }), ValueError, 'fromRecords: categorical is "beak" but it must be a list of input column names');
    expectError(() => fromRecords([{ c: 1, y: 1 }, { c: '1', y: 2 }], { inputs: ['c'], target: 'y', categorical: ['c'] }), ValueError, 'fromRecords: column "c" holds "1" both as text and as a number or boolean but categories must be distinct as text');
  });
  it('names the stray text cells of a column of numbers, row and value, not the numbers around them', () => {
    const cars = [130, '?', 95, 88, '?', 'n.a.', 110, '?', 150, 160, 140, '?', 120, '?'].map((hp, n) => ({ hp, mpg: 10 + n }));
    expectError(() => fromRecords(cars, { inputs: ['hp'], target: 'mpg' }), ValueError, 'fromRecords: column "hp" holds numbers but 6 of its 14 values are not: row 2 is "?", row 5 is "?", row 6 is "n.a.", row 8 is "?", row 12 is "?" and 1 more (every value must be a finite number, or null where it is missing)');
  });
  it('names the number cells of a column of text, and suggests categorical', () => {
    const records = ['USA', 'Japan', 3, 'USA', 'Europe'].map((origin, n) => ({ origin, mpg: n }));
    expectError(() => fromRecords(records, { inputs: ['origin'], target: 'mpg' }), ValueError, 'fromRecords: column "origin" holds categories (text) but row 3 is 3 (to read numbers as categories too, pass categorical: ["origin"])');
  });
  it('refuses a column of dates, with a hint to derive numbers from it', () => {
    const days = ['2012-01-01', '2012-01-02', '2012-01-03T10:30:00Z'].map((date, n) => ({ date, rain: n }));
    expectError(() => fromRecords(days, { inputs: ['date'], target: 'rain' }), ValueError, 'fromRecords: column "date" holds dates ("2012-01-01", …) but a network reads numbers and categories (derive numbers from it, such as the month, the day of the year or the days since the first date, and use those as inputs)');
  });
  it("refuses a column of numbers written with a decimal comma, with the hint decimal: ','", () => {
    const records = [{ temp: '1,5', y: 1 }, { temp: 12, y: 2 }, { temp: '-0,25', y: 3 }];
    expectError(() => fromRecords(records, { inputs: ['temp'], target: 'y' }), ValueError, `fromRecords: column "temp" holds "1,5", "-0,25", numbers written with a decimal comma (read the file with readCsv(path, { decimal: ',' }), or make them numbers)`);
  });
  it("warns, through onWarning, that a target of only 0 and 1 is a regression with task 'auto'", () => {
    const warnings: string[] = [];
    const records = [0, 1, 1, 0].map((died, n) => ({ age: 50 + n, died }));
    const data = fromRecords(records, { inputs: ['age'], target: 'died', onWarning: (message) => warnings.push(message) });
    expect([data.labels, warnings]).toEqual([undefined, [`fromRecords: the target "died" holds only 0 and 1, so task 'auto' makes this a regression (one number per sample, of any value); if 0 and 1 name two classes, pass task: 'classification'`]]);
    fromRecords(records, { inputs: ['age'], target: 'died', task: 'regression', onWarning: (message) => warnings.push(message) });
    fromRecords(records, { inputs: ['age'], target: 'died', task: 'classification', onWarning: (message) => warnings.push(message) });
    fromRecords([0, 1, 2].map((y, n) => ({ x: n, y })), { inputs: ['x'], target: 'y', onWarning: (message) => warnings.push(message) });
    expect(warnings).toHaveLength(1); // said once: not when the task is given, not for 0, 1 and 2
    expectError(() => fromRecords(records, { inputs: ['age'], target: 'died', onWarning: 5 as never }), ValueError, 'fromRecords: onWarning is 5 but it must be a function');
  });
});

describe('fromRecords: an identifier is not a category (issue 19, item 8)', () => {
  it('refuses a text column with a different value in every row, naming it, before allocating rows² numbers', () => {
    const records = Array.from({ length: 20_000 }, (_, n) => ({ id: `P${n}`, age: n % 90, sick: n % 2 === 0 }));
    expectError(() => fromRecords(records, { inputs: ['id', 'age'], target: 'sick' }), ValueError, 'fromRecords: column "id" has 20000 different values in 20000 rows: it looks like an identifier, not a category (leave it out of inputs)');
  });
  it('refuses a target with a class per row, and a column past FROM_RECORDS_LIMITS.categories', () => {
    const names = Array.from({ length: 30 }, (_, n) => ({ x: n, name: `car ${n}` }));
    expectError(() => fromRecords(names, { inputs: ['x'], target: 'name' }), ValueError, 'fromRecords: column "name" has 30 different values in 30 rows: it looks like an identifier, not a class (a classification needs several samples of each class)');
    const zips = Array.from({ length: 3000 }, (_, n) => ({ zip: `Z${n % 1500}`, y: n }));
    expect(FROM_RECORDS_LIMITS.categories).toBe(1000);
    expectError(() => fromRecords(zips, { inputs: ['zip'], target: 'y' }), ValueError, 'fromRecords: column "zip" has 1500 categories but a column may have at most 1000 (FROM_RECORDS_LIMITS.categories): group the rare ones, or leave the column out');
  });
  it('reads a small column whose every value differs (fewer rows than FROM_RECORDS_LIMITS.identifierRows)', () => {
    expect(FROM_RECORDS_LIMITS.identifierRows).toBe(20);
    expect(fromRecords(penguins.slice(0, 3), { inputs: ['island'], target: 'beak' }).features).toEqual(['island=Biscoe', 'island=Dream']);
    expect(fromRecords(penguins.slice(0, 3), { inputs: ['beak'], target: 'species' }).labels).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
  });
});

describe('fromRecords: own properties only (issue 19, item 15)', () => {
  it('reads no inherited member (constructor, toString) as a value: the record lacks it', () => {
    const records: DataRecord[] = [{ constructor: 3, toString: 1, y: 1 }, { y: 2 }, { constructor: 4, toString: 2, y: 3 }];
    const data = fromRecords(records, { inputs: ['constructor', 'toString'], target: 'y', missing: 'drop' });
    expect([data.X.toArray(), data.dropped, data.droppedBy]).toEqual([[[3, 4], [1, 2]], 1, { constructor: 1, toString: 1 }]);
    const inherited = Object.create({ x: 5 }) as Record<string, unknown>;
    inherited.y = 1;
    expectError(() => fromRecords([{ x: 1, y: 2 }, inherited], { inputs: ['x'], target: 'y' }), ValueError, `fromRecords: row 2 has undefined in column "x" but missing is 'error' (pass missing: 'drop' to leave such rows out, or 'mean', 'median' or 'mode' to fill the value in)`);
  });
});

describe('fromRecords: time linear in rows and columns (issue 19, item 7; issue 20, item 9)', () => {
  it('checks 40,000 input columns in linear time (10× the inputs: at most 30× the time)', async () => {
    const make = (scale: 1 | 10) => {
      const inputs = Array.from({ length: 4000 * scale }, (_, i) => `c${i}`);
      const records = Array.from({ length: 10 }, (_, y) => Object.fromEntries([...inputs.map((c, i) => [c, i + y]), ['y', y]]));
      return () => fromRecords(records, { inputs, target: 'y' });
    };
    expect(await growth(make)).toBeLessThan(30); // before the Sets: about 50 (10 records) to 85 (3 records)
  });
  it('reads 100,000 rows with numbers, categories and missing values in linear time (10× the rows: at most 30× the time)', async () => {
    const make = (scale: 1 | 10) => {
      const records = Array.from({ length: 10_000 * scale }, (_, n) => ({ x: n % 7 === 0 ? null : n, island: ['Biscoe', 'Dream', 'Torgersen'][n % 3], kind: n % 5 === 0 ? 'a' : 'b' }));
      return () => fromRecords(records, { inputs: ['x', 'island'], target: 'kind', missing: 'median' });
    };
    expect(await growth(make, 3)).toBeLessThan(30);
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
    expectError(() => encodeRecords([{ beak: null, island: 'Dream' }], features, 'f'), ValueError, `f: row 1 has null in column "beak" but a prediction needs every input (or net.impute, the fills of fromRecords' missing: 'mean', 'median' or 'mode')`);
    expectError(() => encodeRecords([{ beak: '40', island: 'Dream' }], features, 'f'), ValueError, 'f: row 1, column "beak" is "40" but the column holds numbers (every value must be a finite number)');
    expectError(() => encodeRecords([{ beak: 40, island: 'Dream' }, { beak: 41, island: null }], features, 'f'), ValueError, `f: row 2 has null in column "island" but a prediction needs every input (or net.impute, the fills of fromRecords' missing: 'mean', 'median' or 'mode')`);
    expectError(() => encodeRecords([{ beak: 40, island: 'Dream' }, { beak: 41, island: 7 }], features, 'f'), ValueError, 'f: row 2 has 7 in column "island" but the network knows only "Biscoe", "Dream" (a category not seen in training has no input)');
    expectError(() => encodeRecords([{ beak: 40, island: { name: 'Dream' } }], features, 'f'), ValueError, 'f: row 1, column "island" is an object (Object) but the column holds categories (text, booleans, or numbers read as categories)');
    for (const bad of [5, null, [40, 1]]) expect(() => encodeRecords([bad] as never, features, 'f')).toThrow(`f: row 1 is ${bad === null ? 'null' : bad === 5 ? '5' : 'an array of 2 entries'} but it must be a record (an object)`);
  });
});
