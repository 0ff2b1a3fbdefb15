/**
 * An entity's type, from its mentions' types and its name.
 *
 * Each mention's type is the tagger's reading of one sentence, and a place is often read as an organisation where it
 * stands for its government or team (`Hanoi said …`, `Vientiane signed …`): counting those readings alone lets one
 * more mention flip an entity that sits near a tie, corpus-wide (its hovers, views and diagnostics). So when the name
 * itself says what it is — a place or an organisation the gazetteer knows (`Hanoi`, `ASEAN`), or a name headed by a
 * word such as `Province` or `Ministry` — that type stands until the other readings outnumber it more than two to one
 * (then the name is most likely used for something else: a newspaper, a club). Otherwise the readings decide: the
 * type with most mentions, a tie going to the type most mentions of the canonical name itself have, then to the order
 * of ENTITY_TYPES. Everything here is a function of the cluster's mentions and name, never of the order of articles
 * or of an earlier clustering, so a clustering after an edit equals a rebuild over the same texts.
 */
import { ENTITY_TYPES, type EntityType } from '../types';
import { foldKey, Gaz, gazBitsOf } from './gazetteer/index';
import { tokenize } from './tokenize';

/** How many times the name's own type must be outnumbered by another before the other is the entity's. */
export const NAME_TYPE_MARGIN = 2;

const PLACE: number = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region;

/** Administrative and natural features: a name ending in one of these is a place (`Long Thanh District`). */
const PLACE_HEADS = new Set([
  'province', 'district', 'commune', 'village', 'prefecture', 'township', 'hamlet', 'municipality', 'oblast',
  'county', 'river', 'lake', 'mountain', 'mountains', 'island', 'islands', 'bay', 'sea', 'ocean', 'valley',
  'plateau', 'peninsula', 'strait', 'delta',
]);

/** Heads that name an organisation before `of` (`Ministry of Public Security`). */
const OF_HEADS = new Set([
  'ministry', 'department', 'bank', 'commission', 'committee', 'council', 'federation', 'association', 'union',
  'office', 'bureau', 'party', 'agency', 'authority', 'academy', 'university', 'institute', 'court', 'board',
]);

/** The type the name says it has, if it says one: a gazetteer place or organisation, or its head word. */
export function typeOfName(name: string): EntityType | undefined {
  const keys = tokenize(name).map((t) => foldKey(t.text)).filter((k) => /[\p{L}\p{N}]/u.test(k));
  if (keys.length === 0) return undefined;
  const bits = gazBitsOf(keys.join(' '));
  const place = (bits & PLACE) !== 0;
  const org = (bits & Gaz.OrgName) !== 0;
  if (place !== org) return place ? 'LOCATION' : 'ORG';
  if (place && org) return undefined;
  if (keys.length < 2) return undefined;
  const last = keys[keys.length - 1];
  if (PLACE_HEADS.has(last)) return 'LOCATION';
  if (gazBitsOf(last) & Gaz.OrgHead) return 'ORG';
  if (keys[1] === 'of' && OF_HEADS.has(keys[0])) return 'ORG';
  return undefined;
}

/**
 * The entity's type. `votes`: mentions per type; `canonicalVotes`: the same for the mentions written as the canonical
 * name; `nameType`: what the name says (`typeOfName`), computed only when asked (there are thousands of entities, and
 * most have mentions of one type).
 */
export function entityType(
  votes: ReadonlyMap<EntityType, number>,
  canonicalVotes: ReadonlyMap<EntityType, number>,
  nameType: () => EntityType | undefined,
): EntityType {
  const voted = ENTITY_TYPES.filter((t) => (votes.get(t) ?? 0) > 0);
  if (voted.length === 1) return voted[0];
  if (voted.length === 0) return 'MISC';
  const own = nameType();
  if (own !== undefined) {
    const ownVotes = votes.get(own) ?? 0;
    const rival = Math.max(...ENTITY_TYPES.filter((t) => t !== own).map((t) => votes.get(t) ?? 0));
    if (ownVotes > 0 && rival <= NAME_TYPE_MARGIN * ownVotes) return own;
  }
  let best: EntityType = voted[0];
  for (const t of voted) {
    const [a, b] = [votes.get(t) ?? 0, votes.get(best) ?? 0];
    if (a > b || (a === b && (canonicalVotes.get(t) ?? 0) > (canonicalVotes.get(best) ?? 0))) best = t;
  }
  return best;
}
