/**
 * V8's serialisation (Node's `v8.serialize`) with a value's typed arrays kept apart: the stream holds, for each typed
 * array, its type, offset and length in a block of bytes of their own, where each starts at a multiple of 8. Read
 * back, the arrays are views of that block, made without a copy.
 *
 * Node's own deserialiser makes an array whose bytes do not happen to fall at a multiple of its element size in the
 * stream (three Int32Arrays in four) as a copy, each in a buffer of its own: reopening 10,000 articles made tens of
 * thousands of them, and the stream's buffer was kept whole by the arrays that were views of it.
 */
import { DefaultDeserializer, DefaultSerializer } from 'node:v8';

const TYPES = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array] as const;
const ALIGN = 8;

/** A value serialised: the stream, and the block of its typed arrays' bytes. */
export interface ApartSerialization {
  readonly stream: Uint8Array;
  readonly arrays: Uint8Array;
}

class ApartSerializer extends DefaultSerializer {
  readonly views: ArrayBufferView[] = [];
  size = 0;

  /** Called by V8 for each typed array (DefaultSerializer treats them as host objects). */
  _writeHostObject(view: ArrayBufferView): void {
    const type = TYPES.findIndex((T) => view instanceof T); // a Buffer is a Uint8Array
    if (type < 0) throw new Error(`cannot serialise ${Object.prototype.toString.call(view)}`);
    this.writeUint32(type);
    this.writeUint32(this.size);
    this.writeUint32(view.byteLength);
    this.views.push(view);
    this.size += Math.ceil(view.byteLength / ALIGN) * ALIGN;
  }
}

class ApartDeserializer extends DefaultDeserializer {
  constructor(
    stream: Uint8Array,
    private readonly arrays: Uint8Array,
  ) {
    super(stream);
  }

  /** Called by V8 for each typed array written by `_writeHostObject`. */
  _readHostObject(): ArrayBufferView {
    const T = TYPES[this.readUint32()];
    const offset = this.readUint32();
    const length = this.readUint32();
    if (!T || offset % ALIGN !== 0 || length % T.BYTES_PER_ELEMENT !== 0 || offset + length > this.arrays.byteLength) throw new Error('not an array of this serialisation');
    return new T(this.arrays.buffer as ArrayBuffer, this.arrays.byteOffset + offset, length / T.BYTES_PER_ELEMENT);
  }
}

/** `value` serialised, its typed arrays apart. */
export function serializeApart(value: unknown): ApartSerialization {
  const serializer = new ApartSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  const stream = serializer.releaseBuffer();
  const arrays = Buffer.alloc(serializer.size);
  let at = 0;
  for (const view of serializer.views) {
    arrays.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
    at += Math.ceil(view.byteLength / ALIGN) * ALIGN;
  }
  return { stream, arrays };
}

/**
 * The value of a serialisation; its typed arrays are views of `arrays` (of a copy of it when it does not start at a
 * multiple of 8 in its buffer). Throws when the stream does not read.
 */
export function deserializeApart(stream: Uint8Array, arrays: Uint8Array): unknown {
  const block = arrays.byteOffset % ALIGN === 0 ? arrays : Uint8Array.from(arrays);
  const deserializer = new ApartDeserializer(stream, block);
  deserializer.readHeader();
  return deserializer.readValue();
}

/** Bytes before a packed serialisation's stream: its length (little-endian uint32), and four bytes of padding. */
const PACKED_HEADER = 8;
const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** A serialisation in one buffer: the stream's length, the stream, then the arrays at the next multiple of 8. */
export function packApart(value: unknown): Uint8Array {
  const { stream, arrays } = serializeApart(value);
  const at = aligned(PACKED_HEADER + stream.length);
  const out = Buffer.alloc(at + arrays.length);
  out.writeUInt32LE(stream.length, 0);
  out.set(stream, PACKED_HEADER);
  out.set(arrays, at);
  return out;
}

/** Where the parts of a packed serialisation are in it (offsets from its start), given its first 8 bytes. */
export function packedParts(head: Uint8Array, length: number): { stream: [number, number]; arrays: [number, number] } {
  if (head.length < PACKED_HEADER || length < PACKED_HEADER) throw new Error('not a packed serialisation');
  const streamLength = Buffer.from(head.buffer, head.byteOffset, PACKED_HEADER).readUInt32LE(0);
  const at = aligned(PACKED_HEADER + streamLength);
  if (at > length) throw new Error('not a packed serialisation');
  return { stream: [PACKED_HEADER, streamLength], arrays: [at, length - at] };
}

/** The value of a packed serialisation (its typed arrays are views of it when it starts at a multiple of 8). Throws when it does not read. */
export function unpackApart(packed: Uint8Array): unknown {
  const { stream, arrays } = packedParts(packed, packed.length);
  return deserializeApart(packed.subarray(stream[0], stream[0] + stream[1]), packed.subarray(arrays[0], arrays[0] + arrays[1]));
}
