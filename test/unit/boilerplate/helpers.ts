import type { BoilerplateFinding } from '../../../server/src/core/types';

/** 1-based line number of each finding, with its kind: `{ 3: 'chrome', 6: 'near-duplicate' }`. */
export function kindsByLine(text: string, findings: readonly BoilerplateFinding[]): Record<number, string> {
  const out: Record<number, string> = {};
  for (const f of findings) out[text.slice(0, f.start).split('\n').length] = f.kind;
  return out;
}

/** The finding whose text is `text`, if any. */
export function findingFor(findings: readonly BoilerplateFinding[], text: string): BoilerplateFinding | undefined {
  return findings.find((f) => f.text === text);
}

export function lines(...ls: string[]): string {
  return ls.join('\n');
}

const WORDS = ['river', 'border', 'minister', 'council', 'village', 'school', 'budget', 'harvest', 'road', 'bridge',
  'army', 'police', 'market', 'farmers', 'teachers', 'doctors', 'rain', 'flood', 'power', 'plant', 'trade', 'port',
  'railway', 'loan', 'bank', 'court', 'law', 'health', 'clinic', 'forest', 'mine', 'export', 'rice', 'coffee', 'tax'];

/** A paragraph of running text; different seeds give paragraphs with few words in common. */
export function para(seed: string, sentences = 2): string {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const next = (): number => {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
    h ^= h >>> 15;
    return (h >>> 0) / 4294967296;
  };
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const ws: string[] = [];
    for (let k = 0; k < 14; k++) ws.push(WORDS[Math.floor(next() * WORDS.length)] + (next() < 0.5 ? '' : String(Math.floor(next() * 90) + 10)));
    out.push(`The ${ws.join(' ')} ${seed} said.`);
  }
  return out.join(' ');
}
