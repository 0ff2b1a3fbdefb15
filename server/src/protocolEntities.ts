/**
 * LSP messages of the entity features (the Entities tree, registry edits), shared by the server and the VS Code client
 * and usable by any LSP client. Plain like `protocol.ts`: typed message objects from vscode-languageserver-protocol,
 * no vscode, no vscode-languageserver, no Node built-ins.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CommandSignature, EmptyParams, LspRange } from './protocol';

export type EntityTypeName = 'PERSON' | 'ORG' | 'LOCATION' | 'MISC';

/** One entity (cluster of mentions) as listed to clients; its mentions come separately (`entityMentions`). */
export interface EntitySummary {
  id: string;
  canonical: string;
  type: EntityTypeName;
  /** Mentions in the corpus, and the number of articles they are in. */
  mentions: number;
  articles: number;
  /** The most frequent spellings (at most 8), with counts; `spellingCount` is the number of distinct spellings. */
  spellings: { text: string; count: number }[];
  spellingCount: number;
  /** Whether the analysts' registry names this entity. */
  inRegistry: boolean;
  notes?: string;
}

export interface EntitiesParams {
  /** Only entities of this type. */
  type?: EntityTypeName;
  /** Search by any spelling (case, diacritics and small spelling differences ignored); best matches first. */
  query?: string;
  /** Paging over the (filtered) list, which is sorted by mention count, then canonical name. Default limit: 500. */
  offset?: number;
  limit?: number;
}

export interface EntitiesResult {
  /** Entities matching type/query, before paging. */
  total: number;
  entities: EntitySummary[];
  /** Entity counts per type over the whole corpus (ignores type/query/paging). */
  types: { type: EntityTypeName; entities: number; mentions: number }[];
}

export interface EntityMentionItem {
  range: LspRange;
  text: string;
  /** The mention in context, on one line, with the mention at `snippetMatch` (start, end) inside the snippet. */
  snippet: string;
  snippetMatch: [number, number];
}

export interface EntityMentionsResult {
  entityId: string;
  /** Empty when the entity no longer exists (the corpus or the registry changed). At most `maxArticles`, by path. */
  articles: { uri: string; document: string; mentions: EntityMentionItem[] }[];
  /** Articles that mention the entity, listed or not. */
  totalArticles: number;
}

export interface EntityMentionsParams {
  /** An id from `entities`. */
  entityId: string;
  /** At most this many articles (by path); default 1000. */
  maxArticles?: number;
}

export interface ClientPickersParams {
  pickers: boolean;
}

export const EntityRequests = {
  /** `corpusAnnotator/entities` — params: EntitiesParams; result: EntitiesResult */
  entities: new RequestType<EntitiesParams, EntitiesResult, void>('corpusAnnotator/entities'),
  /** `corpusAnnotator/entityMentions` — params: EntityMentionsParams; result: EntityMentionsResult */
  entityMentions: new RequestType<EntityMentionsParams, EntityMentionsResult, void>('corpusAnnotator/entityMentions'),
} as const;

export const EntityNotifications = {
  /**
   * `corpusAnnotator/entitiesChanged`, server → client: entities changed (registry written or reloaded, corpus
   * indexed). params: {}
   */
  entitiesChanged: new NotificationType<EmptyParams>('corpusAnnotator/entitiesChanged'),
  /**
   * `corpusAnnotator/clientEntityPickers`, client → server: the client has its own pickers for the entity code actions
   * (`ClientEntityCommands`), so the server may offer "Add as alias of…" and "Change type…" as one action each.
   * params: { pickers: true }. Still understood; clients now list the commands in `initializationOptions.clientCommands`
   * (protocol.ts, `InitializationOptions`), known before the first code action.
   */
  clientPickers: new NotificationType<ClientPickersParams>('corpusAnnotator/clientEntityPickers'),
  /**
   * `corpusAnnotator/registryEdited`, server → client: a rename (textDocument/rename, which returns no result to
   * show) changed the registry. params: RegistryEditResult; `undoable`: `RegistryCommands.undo` undoes it.
   */
  registryEdited: new NotificationType<RegistryEditResult>('corpusAnnotator/registryEdited'),
} as const;

/**
 * Registry-editing commands the server executes through workspace/executeCommand (complete arguments, no prompts).
 * Each returns a RegistryEditResult; types in `RegistryCommandTypes`.
 */
export const RegistryCommands = {
  /** args: [AddAliasArgs]; result: RegistryEditResult */
  addAlias: 'corpusAnnotator.server.registry.addAlias',
  /** args: [MarkDifferentArgs]; result: RegistryEditResult */
  markDifferent: 'corpusAnnotator.server.registry.markDifferent',
  /** args: [SetTypeArgs]; result: RegistryEditResult */
  setType: 'corpusAnnotator.server.registry.setType',
  /** args: [NotEntityArgs]; result: RegistryEditResult */
  notEntity: 'corpusAnnotator.server.registry.notEntity',
  /** args: [RenameEntityArgs]; result: RegistryEditResult */
  rename: 'corpusAnnotator.server.registry.rename',
  /** args: [ConfirmEntityArgs]: the entity is right as found; it gets its registry entry. result: RegistryEditResult */
  confirm: 'corpusAnnotator.server.registry.confirm',
  /**
   * args: [] or [{}]: undoes the last registry edit of this session (any of the commands above, or a rename),
   * restoring the entries it touched unless someone changed them since. result: RegistryEditResult (`changed` false
   * when there was nothing to undo).
   */
  undo: 'corpusAnnotator.server.registry.undo',
} as const;

/** Arguments and result of each of `RegistryCommands`, by command name. */
export interface RegistryCommandTypes {
  [RegistryCommands.addAlias]: CommandSignature<[AddAliasArgs], RegistryEditResult>;
  [RegistryCommands.markDifferent]: CommandSignature<[MarkDifferentArgs], RegistryEditResult>;
  [RegistryCommands.setType]: CommandSignature<[SetTypeArgs], RegistryEditResult>;
  [RegistryCommands.notEntity]: CommandSignature<[NotEntityArgs], RegistryEditResult>;
  [RegistryCommands.rename]: CommandSignature<[RenameEntityArgs], RegistryEditResult>;
  [RegistryCommands.confirm]: CommandSignature<[ConfirmEntityArgs], RegistryEditResult>;
  [RegistryCommands.undo]: CommandSignature<[] | [EmptyParams], RegistryEditResult>;
}

/** Client commands (VS Code) that the server's code actions use when the client declares them (`clientCommands`). */
export const ClientEntityCommands = {
  /** args: [EntityActionTarget]: quick pick of entities, then RegistryCommands.addAlias. */
  addAliasOf: 'corpusAnnotator.addAliasOf',
  /** args: [EntityActionTarget]: quick pick of types, then RegistryCommands.setType. */
  changeEntityType: 'corpusAnnotator.changeEntityType',
  /** args: [{ command, arguments }]: runs a registry command and shows its errors. */
  registryEdit: 'corpusAnnotator.registryEdit',
} as const;

/** What a code action is about: the mention's text and where it is, and the entity it belongs to now. */
export interface EntityActionTarget {
  text: string;
  uri: string;
  range: LspRange;
  type: EntityTypeName;
  entityId: string;
  canonical: string;
}

export interface AddAliasArgs {
  /** The entity that gets the alias (an id from `entities`). */
  entityId: string;
  alias: string;
}
export interface MarkDifferentArgs {
  /** A spelling that names an entity of its own (not the one it is grouped with now). */
  text: string;
  type: EntityTypeName;
}
export interface SetTypeArgs {
  /** The entity whose type changes; or `text`, a spelling of it. */
  entityId?: string;
  text?: string;
  type: EntityTypeName;
}
export interface NotEntityArgs {
  text: string;
}
export interface RenameEntityArgs {
  entityId: string;
  /** The new canonical name; the old one is kept as an alias. */
  name: string;
}

export interface ConfirmEntityArgs {
  entityId: string;
  /** Entities it may have been taken for (a possible merge): they get their registry entries too, which keeps them apart. */
  apartFrom?: string[];
}

export interface RegistryEditResult {
  /** Path of the registry file, relative to its workspace folder. */
  registry: string;
  /** What was done, for people ("`Share it` is not an entity"). */
  message: string;
  /** False when the registry already said so (nothing written). */
  changed: boolean;
  /** When `changed`: `RegistryCommands.undo` would undo this edit now (the last edit of the session). */
  undoable?: boolean;
}
