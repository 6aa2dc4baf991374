// What a score compares (src/train/classes.ts): two lists of class names, or two matrices, never unlike
// things. Each pairing of the three forms (names, net.classify's answers, a classes × samples matrix) and
// of the kinds of names (text, numbers, booleans) is tried once here, with accuracy; the last tests show
// that every classification score reads its arguments by this one rule.
import { describe, expect, it } from 'vitest';
import { Matrix, Network, ShapeError, ValueError, accuracy, balancedAccuracy, classificationReport, confusionMatrix } from '../src/index.js';
import { pairOfClasses } from '../src/train/classes.js';
import { expectError } from './helpers/errors.js';

/** net.classify's answer naming `label` (the probabilities do not matter to a score). */
const answer = (label: string) => ({ label, confidence: 1, probabilities: { [label]: 1 } });
const oneHotAB = Matrix.from([[1, 0, 1], [0, 1, 0]]); // classes a, b, a as rows 0, 1, 0

describe('pairs that compare: like with like', () => {
  it('names beside names: text, whole numbers or booleans', () => {
    expect(accuracy(['a', 'b', 'b'], ['a', 'b', 'a'])).toBe(2 / 3);
    expect(accuracy([0, 1, 2], [0, 1, 1])).toBe(2 / 3);
    expect(accuracy([true, false], [true, true])).toBe(1 / 2);
  });
  it('net.classify’s answers beside names, and beside answers (an answer counts as its label)', () => {
    expect(accuracy([answer('a'), answer('b'), answer('b')], ['a', 'b', 'a'])).toBe(2 / 3);
    expect(accuracy(['a', 'b'], [answer('a'), answer('a')])).toBe(1 / 2);
    expect(accuracy([answer('a')], [answer('a')])).toBe(1);
  });
  it('a matrix beside a matrix of as many rows: the argmax of each column is its class', () => {
    const probabilities = Matrix.from([[0.9, 0.3, 0.4], [0.1, 0.7, 0.6]]); // argmax 0, 1, 1
    expect(accuracy(probabilities, oneHotAB)).toBe(2 / 3);
  });
  it('a single row beside a single row: a sigmoid’s p is class 1 when p > 0.5, class 0 at 0.5 or below (as classify)', () => {
    expect(accuracy(Matrix.from([[0.9, 0.2, 0.5]]), Matrix.from([[1, 0, 1]]))).toBe(2 / 3); // 0.5 → class 0, wrong
  });
  it('a matrix beside names when labels name its rows (confusionMatrix, classificationReport)', () => {
    expect(confusionMatrix([answer('a'), answer('a'), answer('b')], oneHotAB, ['a', 'b']).counts).toEqual([[1, 1], [1, 0]]);
    expect(pairOfClasses(Matrix.from([[0.2, 0.9]]), ['no', 'yes'], 'test', ['no', 'yes'])).toEqual([['no', 'yes'], ['no', 'yes']]); // a sigmoid row names 2 classes
  });
  it('names that share one class, or one class on a side, still compare (a poor model is not a mix-up)', () => {
    expect(accuracy(['a', 'a'], ['b', 'c'])).toBe(0); // the model always says a: wrong, but a real score
    expect(accuracy(['x', 'y'], ['y', 'z'])).toBe(0); // y is on both sides
  });
});

describe('pairs that do not compare: a ValueError saying what each side is', () => {
  it('names beside a matrix (the classic: classify’s answers beside the one-hot test.Y)', () => {
    expectError(() => accuracy([answer('benign'), answer('malignant'), answer('benign')], oneHotAB), ValueError,
      'accuracy: predicted holds net.classify\'s answers, class names such as "benign" but actual is a 2×3 matrix (compare like with like: class names on both sides, such as net.classify\'s answers beside test.targets, or a matrix on both sides, such as the outputs beside test.Y)');
    expectError(() => accuracy(oneHotAB, [0, 1, 0]), ValueError,
      'accuracy: predicted is a 2×3 matrix but actual holds numbers such as 0 (compare like with like: class names on both sides, such as net.classify\'s answers beside test.targets, or a matrix on both sides, such as the outputs beside test.Y)');
  });
  it('text beside numbers: "1" never equals 1', () => {
    expectError(() => accuracy(['1', '2'], [1, 2]), ValueError,
      'accuracy: predicted holds class names such as "1" but actual holds numbers such as 1 (text never equals a number: write both sides the same way, such as net.classify\'s answers beside test.targets)');
    expectError(() => accuracy([1, 2], [answer('1'), answer('2')]), ValueError,
      'accuracy: predicted holds numbers such as 1 but actual holds net.classify\'s answers, class names such as "1" (a number never equals text: write both sides the same way, such as net.classify\'s answers beside test.targets)');
  });
  it('text beside booleans, and numbers beside booleans', () => {
    expectError(() => accuracy(['true'], [true]), ValueError,
      'accuracy: predicted holds class names such as "true" but actual holds booleans such as true (text never equals a boolean: write both sides the same way, such as net.classify\'s answers beside test.targets)');
    expectError(() => accuracy([1], [true]), ValueError,
      'accuracy: predicted holds numbers such as 1 but actual holds booleans such as true (a number never equals a boolean: write both sides the same way, such as net.classify\'s answers beside test.targets)');
  });
  it('names that share no class, two or more on each side (the same classes named two ways)', () => {
    expectError(() => accuracy(['B', 'M', 'B'], ['benign', 'malignant', 'benign']), ValueError,
      'accuracy: predicted\'s classes ("B", "M") and actual\'s ("benign", "malignant") have none in common, so every answer would count as wrong (the same classes named two ways? name them alike on both sides)');
  });
  it('a matrix beside a matrix of other rows: a sigmoid row beside one-hot rows', () => {
    expectError(() => accuracy(Matrix.from([[0.2, 0.7, 0.1]]), oneHotAB), ValueError,
      'accuracy: predicted is a 1×3 matrix but actual is a 2×3 matrix (one row per class in both, or a single sigmoid row in both)');
  });
  it('lists of different lengths (a ShapeError: the numbers of samples differ)', () => {
    expectError(() => accuracy(['a'], ['a', 'b']), ShapeError, 'accuracy: predicted has 1 sample but actual has 2 (one prediction per sample)');
    expectError(() => accuracy(oneHotAB, ['a', 'b']), ShapeError, 'accuracy: predicted has 3 samples but actual has 2 (one prediction per sample)');
  });
  it('no samples at all', () => {
    expectError(() => accuracy([], []), ValueError, 'accuracy: there are no samples (give at least one)');
  });
});

describe('what is not a list of classes', () => {
  it('fractions: probabilities or net.predict’s outputs, not classes', () => {
    const net = Network.fromWeights([{ weights: [[1]], biases: [0] }], { output: 'sigmoid' });
    expectError(() => accuracy(net.predict<number>([-1, 2]), [0, 1]), ValueError,
      'accuracy: predicted entry 1 is 0.2689414213699951, a fraction, but classes written as numbers are whole numbers (probabilities and net.predict\'s outputs are not classes: give net.classify\'s answers, or the outputs as a classes × samples Matrix)');
  });
  it('a list of lists: net.predict’s answers for several outputs, one row per sample', () => {
    expectError(() => accuracy([[0.2, 0.8], [0.6, 0.4]] as never, ['b', 'a']), ValueError,
      'accuracy: predicted is a list of lists (net.predict\'s answers? one row per sample) but it must be a list of class names, net.classify\'s answers, or a classes × samples Matrix');
  });
  it('a list mixing kinds, NaN, null, or something that is not a list', () => {
    expectError(() => accuracy(['a', 1] as never, ['a', 'b']), ValueError,
      'accuracy: predicted holds both class names (entry 1 is "a") and numbers (entry 2 is 1) but a list of classes writes every class the same way');
    expectError(() => accuracy([NaN], [1]), ValueError, 'accuracy: predicted entry 1 is NaN but classes are names: strings, whole numbers or booleans');
    expectError(() => accuracy(['a'], [null] as never), ValueError, 'accuracy: actual entry 1 is null but classes are names: strings, whole numbers or booleans');
    expectError(() => accuracy('ab' as never, ['a']), ValueError, 'accuracy: predicted is "ab" but it must be a list of class names, net.classify\'s answers, or a classes × samples Matrix');
  });
  it('a matrix with a NaN (its argmax would silently be row 0)', () => {
    const withNaN = new Matrix(2, 3, Float64Array.of(NaN, 0.2, 0.4, 0.5, 0.8, 0.6)); // the constructor takes its buffer as it is
    expectError(() => accuracy(withNaN, oneHotAB), ValueError,
      'accuracy: predicted is a matrix with a NaN or infinite entry but probabilities are finite');
  });
  it('labels that do not fit a matrix: one per row, two for a sigmoid row', () => {
    expectError(() => confusionMatrix(oneHotAB, ['a', 'b', 'a'], ['a', 'b', 'c']), ValueError,
      'confusionMatrix: predicted is a 2×3 matrix but labels has 3 entries (one label per row)');
    expectError(() => confusionMatrix(Matrix.from([[0.2]]), ['no'], ['no']), ValueError,
      'confusionMatrix: predicted is a 1×1 matrix but labels has 1 entry (two for a single sigmoid row: 1 − p and p)');
  });
});

describe('every classification score reads its arguments by this rule', () => {
  it('accuracy, balancedAccuracy, confusionMatrix and classificationReport refuse names beside a matrix, naming themselves', () => {
    for (const [name, score] of [['accuracy', accuracy], ['balancedAccuracy', balancedAccuracy], ['confusionMatrix', confusionMatrix], ['classificationReport', classificationReport]] as const) {
      expect(() => score(['a', 'b', 'a'], oneHotAB)).toThrow(new RegExp(`^${name}: predicted holds class names such as "a" but actual is a 2×3 matrix`));
      expect(() => score(['1'], [1])).toThrow(new RegExp(`^${name}: predicted holds class names such as "1" but actual holds numbers`));
    }
  });
  it('leaves its arguments unchanged', () => {
    const predicted = ['a', 'b'];
    const actual = Matrix.from([[1, 0], [0, 1]]);
    confusionMatrix(predicted, actual, ['a', 'b']);
    expect([predicted, actual.toArray()]).toEqual([['a', 'b'], [[1, 0], [0, 1]]]);
  });
});
