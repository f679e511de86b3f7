/** How many trials ended with each outcome, for every whole value from the smallest outcome to the largest. */
export interface OutcomeCount {
  value: number;
  trials: number;
}

/**
 * Trial outcomes (non-negative whole numbers) counted by value. Counting
 * instead of keeping and sorting 10,000 outcomes gives the histogram and
 * every percentile in one pass over at most a few hundred values.
 */
export class OutcomeTally {
  private counts = new Int32Array(64);
  private largest = -1;
  private total = 0;
  /** Trials that ran past the horizon without an outcome; they rank after every counted value. */
  private beyond = 0;

  add(value: number): void {
    if (value >= this.counts.length) {
      const grown = new Int32Array(Math.max(value + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[value] = (this.counts[value] ?? 0) + 1;
    if (value > this.largest) this.largest = value;
    this.total++;
  }

  addBeyond(): void {
    this.beyond++;
    this.total++;
  }

  get trials(): number {
    return this.total;
  }

  get beyondTrials(): number {
    return this.beyond;
  }

  /**
   * The p-th percentile of the outcomes by nearest rank (as `percentile`
   * does): the value at 1-based position ceil(p/100 * n) in ascending order;
   * null when that position falls among the trials beyond the horizon, or
   * when there are no trials.
   */
  percentile(p: number): number | null {
    const n = this.total;
    if (n === 0) return null;
    const rank = Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
    let seen = 0;
    for (let value = 0; value <= this.largest; value++) {
      seen += this.counts[value] ?? 0;
      if (seen >= rank) return value;
    }
    return null;
  }

  /** Counted values from the smallest outcome to the largest, zeros in between included. */
  histogram(): OutcomeCount[] {
    const histogram: OutcomeCount[] = [];
    let smallest = 0;
    while (smallest <= this.largest && (this.counts[smallest] ?? 0) === 0) smallest++;
    for (let value = smallest; value <= this.largest; value++) {
      histogram.push({ value, trials: this.counts[value] ?? 0 });
    }
    return histogram;
  }
}
