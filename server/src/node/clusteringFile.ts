/**
 * The analysis cache's clustering file (analysisCacheStore.ts): the last corpus-wide clustering's snapshot, with the
 * fingerprint of what it was made from and, when kept, what that was (its basis).
 *
 * Layout (format 5): a 32-byte header (`CA-clust`, the format, the byte lengths of the two parts, then the CRC-32s of
 * the first part and of the snapshot's stream and arrays, little-endian uint32s), then
 * `{ format, version, fingerprint, basis }` in V8's serialisation, then the
 * snapshot packed with its typed arrays apart (alignedSerialization.ts: as the clustering worker gives it), at a
 * multiple of 8. The snapshot's stream and arrays are read into buffers of their own: its columns are views of the
 * second, made without a copy (format 3 nested the snapshot in V8's own serialisation, whose deserialiser copied its
 * columns, 13 MB at 10,000 articles, into new memory on the server's thread). A part whose bytes do not match their
 * checksum is not read (the clustering is made again).
 */
import { promises as fs } from 'node:fs';
import { crc32 } from 'node:zlib';
import { deserialize, serialize } from 'node:v8';
import type { ClusteringSnapshot } from '../core/index';
import type { ClusteringBasis, KeptClustering } from '../workspace/analysisCache';
import { deserializeApart, packApart, packedParts, unpackApart } from './alignedSerialization';
import { readPart } from './fileParts';

export const CLUSTERING_FORMAT = 5;
const MAGIC = Buffer.from('CA-clust', 'latin1');
const HEADER = 32;
/** Where the header holds the CRC-32s of the first part, the snapshot's stream and its arrays. */
const CHECKSUMS = 20;
const aligned = (n: number) => Math.ceil(n / 8) * 8;

/** A snapshot read from the file, still serialised: its stream and its arrays. */
export class StoredSnapshot {
  constructor(
    readonly stream: Uint8Array,
    readonly arrays: Uint8Array,
  ) {}
}

/** A clustering as the cache holds it. */
export interface HeldClustering {
  readonly fingerprint: string;
  readonly snapshot: KeptClustering | StoredSnapshot;
  readonly basis?: ClusteringBasis;
}

/** The clustering of a file of this format and `version`, else undefined (missing, unreadable, corrupt, outdated). */
export async function readClusteringFile(file: string, version: string): Promise<HeldClustering | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    if (size < HEADER) return undefined;
    const header = await readPart(handle, 0, HEADER);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC) || header.readUInt32LE(8) !== CLUSTERING_FORMAT) return undefined;
    const metaLength = header.readUInt32LE(12);
    const packedLength = header.readUInt32LE(16);
    const packedAt = aligned(HEADER + metaLength);
    if (packedAt + packedLength !== size) return undefined;
    const intact = (k: number, part: Uint8Array) => crc32(part) === header.readUInt32LE(CHECKSUMS + 4 * k);
    const metaBytes = await readPart(handle, HEADER, metaLength);
    if (!intact(0, metaBytes)) return undefined;
    const meta = deserialize(metaBytes) as Record<string, unknown> | undefined;
    if (!meta || meta.format !== CLUSTERING_FORMAT || meta.version !== version || typeof meta.fingerprint !== 'string') return undefined;
    const { stream, arrays } = packedParts(await readPart(handle, packedAt, Math.min(8, packedLength)), packedLength);
    const snapshot = new StoredSnapshot(await readPart(handle, packedAt + stream[0], stream[1]), await readPart(handle, packedAt + arrays[0], arrays[1]));
    if (!intact(1, snapshot.stream) || !intact(2, snapshot.arrays)) return undefined;
    return { fingerprint: meta.fingerprint, snapshot, ...(isBasis(meta.basis) ? { basis: meta.basis } : {}) };
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The parts of a clustering file (written one after the other). */
export function clusteringFileParts(version: string, held: HeldClustering): Uint8Array[] {
  const { fingerprint, snapshot, basis } = held;
  const packed = snapshot instanceof Uint8Array ? snapshot : snapshot instanceof StoredSnapshot ? packParts(snapshot) : packApart(snapshot);
  const meta = serialize({ format: CLUSTERING_FORMAT, version, fingerprint, basis });
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(CLUSTERING_FORMAT, 8);
  header.writeUInt32LE(meta.length, 12);
  header.writeUInt32LE(packed.length, 16);
  const { stream, arrays } = packedParts(packed, packed.length);
  header.writeUInt32LE(crc32(meta), CHECKSUMS);
  header.writeUInt32LE(crc32(packed.subarray(stream[0], stream[0] + stream[1])), CHECKSUMS + 4);
  header.writeUInt32LE(crc32(packed.subarray(arrays[0], arrays[0] + arrays[1])), CHECKSUMS + 8);
  return [header, meta, Buffer.alloc(aligned(HEADER + meta.length) - HEADER - meta.length), packed];
}

function packParts(stored: StoredSnapshot): Uint8Array {
  return packApart(deserializeApart(stored.stream, stored.arrays));
}

/** The snapshot of a held clustering (checked when it is adopted: see clusteringSnapshot.ts); undefined when it does not read. */
export function snapshotOf(held: KeptClustering | StoredSnapshot): ClusteringSnapshot | undefined {
  try {
    if (held instanceof StoredSnapshot) return deserializeApart(held.stream, held.arrays) as ClusteringSnapshot;
    if (held instanceof Uint8Array) return unpackApart(held) as ClusteringSnapshot;
    return held;
  } catch {
    return undefined;
  }
}

function isBasis(value: unknown): value is ClusteringBasis {
  const b = value as ClusteringBasis | undefined;
  return !!b && typeof b.registry === 'string' && !!b.articles && typeof b.articles === 'object' && Object.values(b.articles).every((k) => typeof k === 'string');
}
