/**
 * Copies of a network's weights kept during training, for the two times fit
 * must go back: a step that left a NaN or an infinity is undone (Checkpoint,
 * with the optimizer's memory), and early stopping keeps the epoch of the best
 * validation loss (EarlyStopping). The copies are reused from step to step.
 */
import type { Layer } from '../core/types.js';
import type { Optimizer } from './optimizers.js';

/** Copies of the weights and the optimizer's state, reused from step to step, to undo a failed step. */
export class Checkpoint {
  private weights: Float64Array[] = [];
  private slots: Float64Array[] = [];
  private steps = 0;
  save(layers: readonly Layer[], optimizer: Optimizer): void {
    const arrays = layers.flatMap((layer) => [layer.weights.data, layer.biases.data]);
    this.weights = sized(this.weights, arrays);
    this.slots = sized(this.slots, optimizer.state.slots);
    copyAll(arrays, this.weights);
    copyAll(optimizer.state.slots, this.slots);
    this.steps = optimizer.state.steps;
  }
  restore(layers: readonly Layer[], optimizer: Optimizer): void {
    const arrays = layers.flatMap((layer) => [layer.weights.data, layer.biases.data]);
    copyAll(this.weights, arrays);
    optimizer.state.slots.length = this.slots.length; // a first step's fresh moments are dropped again
    copyAll(this.slots, optimizer.state.slots);
    optimizer.state.steps = this.steps;
  }
}

/** `targets` again if its arrays already have the lengths of `like`'s, else new arrays that do. */
function sized(targets: Float64Array[], like: Float64Array[]): Float64Array[] {
  return like.map((a, n) => (targets[n]?.length === a.length ? targets[n] : new Float64Array(a.length)));
}

function copyAll(from: Float64Array[], to: Float64Array[]): void {
  from.forEach((a, n) => to[n].set(a));
}

/** Early stopping: remembers the weights of the best validation loss, and says when `patience` epochs passed without a better one. */
export class EarlyStopping {
  private best = { loss: Infinity, weights: [] as Float64Array[] };
  private sinceBest = 0;
  constructor(private readonly patience: number) {}
  /** Records this epoch's validation loss; true when training should stop. */
  stops(validationLoss: number, layers: readonly Layer[]): boolean {
    if (validationLoss < this.best.loss) {
      this.best = {
        loss: validationLoss,
        weights: layers.flatMap((layer) => [layer.weights.data.slice(), layer.biases.data.slice()]),
      };
      this.sinceBest = 0;
      return false;
    }
    return ++this.sinceBest >= this.patience;
  }
  /** Puts the best weights back (early stopping keeps the best). */
  keepBest(layers: readonly Layer[]): void {
    if (this.best.weights.length > 0)
      copyAll(
        this.best.weights,
        layers.flatMap((layer) => [layer.weights.data, layer.biases.data]),
      );
  }
}
