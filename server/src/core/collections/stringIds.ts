/** Numbers for strings, from 0 in the order first met: equal strings, equal numbers. */
export class StringIds {
  private readonly ids = new Map<string, number>();
  /** The string of each number. */
  readonly texts: string[] = [];

  /** The number of `text`, given the next one when new. */
  of(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      this.ids.set(text, (id = this.texts.length));
      this.texts.push(text);
    }
    return id;
  }
}
