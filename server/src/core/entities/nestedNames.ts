/**
 * Names inside an event's name are mentions too: in `12th National Congress of the Lao People’s Revolutionary Party`
 * the party is an organisation of its own, which clusters with the party named elsewhere; in `Congress of the
 * Communist Party of Vietnam`, the party. After `of (the)`, a run of capitalised words that holds an organisation's
 * head word (`Party`, `Union`, `Ministry`…, not an event's: `Meeting`, `Forum`) is an organisation; else a run that is a known place is a place. The
 * inner mention is marked `nested` (flat evaluations leave it out) and follows the outer one in the list.
 */
import type { RecognizedEntity } from '../types';
import { foldKey, Gaz, gazBitsOf } from './gazetteer/index';

const OF_THE = /\b(?:of|OF)\s+(?:(?:the|THE)\s+)?(?=\p{Lu})/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'in', 'on']);
const PLACE = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region;
/** Head words of events, not of organisations: `Chiefs of Army Multilateral Meeting` names no organisation. */
const EVENT_HEADS = new Set(['meeting', 'meetings', 'conference', 'congress', 'summit', 'session', 'dialogue', 'talks',
  'forum', 'festival', 'exhibition', 'games', 'championship', 'cup', 'expo', 'fair', 'week', 'day', 'anniversary']);

export function addNestedNames(entities: readonly RecognizedEntity[]): RecognizedEntity[] {
  const out: RecognizedEntity[] = [];
  for (const e of entities) {
    out.push(e);
    if (e.type !== 'MISC' || e.nested) continue;
    const inner = innerName(e);
    if (inner) out.push(inner);
  }
  return out;
}

function innerName(e: RecognizedEntity): RecognizedEntity | undefined {
  for (const m of e.text.matchAll(OF_THE)) {
    const from = m.index + m[0].length;
    const rest = e.text.slice(from);
    const words = [...rest.matchAll(WORD)].map((w) => w[0]);
    if (words.length === 0 || words.some((w) => !/^\p{Lu}/u.test(w) && !CONNECTORS.has(w.toLowerCase()))) continue;
    const keys = words.map((w) => foldKey(w.replace(/['’]s$/u, '')));
    const start = e.start + from;
    if (keys.some((k) => (gazBitsOf(k) & Gaz.OrgHead) !== 0 && !EVENT_HEADS.has(k)) && !EVENT_HEADS.has(keys[keys.length - 1])) {
      return { start, end: e.end, text: rest, type: 'ORG', nested: true };
    }
    if ((gazBitsOf(keys.join(' ')) & PLACE) !== 0) return { start, end: e.end, text: rest, type: 'LOCATION', nested: true };
  }
  return undefined;
}
