// The files of the data sets in the oracle package (its `dependencies`: `npm run data-sets` installs only these),
// for the examples and tests that read one: vega-datasets' penguins, cars, gapminder, Seattle weather, bird strikes.
import { join } from 'node:path';
import { ORACLES_MODULES, need } from './need.mjs';

/** A data set's file, 'vega-datasets/data/penguins.json', as a path to read (or the message that says how to install it). */
export function dataFile(path: string): string {
  need(path.split('/')[0]);
  return join(ORACLES_MODULES, path);
}
