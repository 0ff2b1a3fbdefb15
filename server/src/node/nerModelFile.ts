/** Node glue: locating and reading the shipped NER model file. */
import * as fs from 'fs';
import * as path from 'path';
import { parseNerModel, type NerModel } from '../core/entities/model';

export const NER_MODEL_FILE = 'ner-model.bin';

/**
 * The shipped model: next to the running script (the esbuild bundles in dist/ get a copy of server/models/*),
 * else in server/models relative to this source file (tsx), else relative to the working directory.
 */
export function defaultNerModelPath(): string {
  const candidates = [
    path.join(__dirname, NER_MODEL_FILE),
    path.join(__dirname, 'models', NER_MODEL_FILE),
    path.join(__dirname, '..', 'models', NER_MODEL_FILE),
    path.join(__dirname, '..', '..', 'models', NER_MODEL_FILE),
    path.join(process.cwd(), 'server', 'models', NER_MODEL_FILE),
    path.join(process.cwd(), 'dist', NER_MODEL_FILE),
  ];
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[3];
}

/** Reads and parses the model (the default shipped one when no path is given). */
export function loadNerModel(modelPath: string = defaultNerModelPath()): NerModel {
  return loadNerModelFile(modelPath).model;
}

/** The model and the bytes it was read from (their hash identifies the model in the analysis cache). */
export function loadNerModelFile(modelPath: string = defaultNerModelPath()): { model: NerModel; bytes: Uint8Array } {
  const bytes = fs.readFileSync(modelPath);
  return { model: parseNerModel(bytes), bytes };
}
