/**
 * Between the data and the network, exactly as `net.predict` goes (and `net.fit`, which
 * takes the same raw samples and applies the standardizers itself): raw inputs
 * (x, or x₁ and x₂), then the extra features (x², sin x), then the network's
 * own input standardizer when it has one (`net.standardize.inputs`); and the
 * network's output mapped back to the data's units (`net.standardize.outputs`).
 * Every view draws, trains and steps through the network with these, so what
 * the page shows is what `net.predict` computes for the same network, an
 * imported one included.
 */
import { type Matrix, type Network, type TraceStep, matrix } from 'feedforward';
import { withFeatures } from './data.js';
import { state } from './state.js';

/** The network's input X for raw inputs (raw inputs × samples): features added, then standardized if the network says so. */
export function networkInput(raw: Matrix, net: Network = state.net): Matrix {
  const X = withFeatures(raw, state.features);
  return net.standardize?.inputs ? net.standardize.inputs.apply(X) : X;
}

/** The targets the network is trained on: Y, standardized when the network maps its outputs back. */
export function networkTarget(Y: Matrix, net: Network = state.net): Matrix {
  return net.standardize?.outputs ? net.standardize.outputs.apply(Y) : Y;
}

/** The network's output A (outputs × samples) in the data's units: what `net.predict` returns. */
export function inDataUnits(A: Matrix, net: Network = state.net): Matrix {
  return net.standardize?.outputs ? net.standardize.outputs.invert(A) : A;
}

/** The trace of the network over raw inputs (raw inputs × samples), and its predictions in the data's units. */
export function traceOn(raw: number[][], net: Network = state.net): { trace: TraceStep[]; predictions: Float64Array } {
  const trace = net.trace(networkInput(matrix(raw), net));
  return { trace, predictions: inDataUnits(trace[trace.length - 1].a, net).data };
}

/**
 * A raw x in the network's own input (what its first layer sees) and back, for one input with no extra
 * features: x′ = (x − μ)/σ when the network standardizes its input, else x itself. The kinks are found
 * in x′ (kinks() reads the layers) and drawn at x = μ + σ·x′.
 */
export function inputScale(net: Network = state.net): { toNetwork: (x: number) => number; toData: (x: number) => number } {
  const inputs = net.standardize?.inputs;
  if (!inputs) return { toNetwork: (x) => x, toData: (x) => x };
  const [mu] = inputs.mean;
  const [sigma] = inputs.std;
  return { toNetwork: (x) => (x - mu) / sigma, toData: (x) => mu + sigma * x };
}
