// Types for the `mnist` package (it ships none): 10,000 handwritten digits, 28×28 pixels in [0, 1].
declare module 'mnist' {
  interface Digit {
    /** How many samples of this digit there are. */
    length: number;
    /** Samples start…end (inclusive), each 784 pixel values, row by row. */
    range(start: number, end: number): number[][];
  }
  const mnist: Digit[] & Record<number, Digit>;
  export default mnist;
}
