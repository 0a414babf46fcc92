/** Below this size insertion sort, with its tiny constant, beats merging. */
const INSERTION_LIMIT = 48;

function insertionSort(times: Float64Array, codes: Int32Array, n: number): void {
  for (let a = 1; a < n; a++) {
    const time = times[a];
    const code = codes[a];
    let b = a - 1;
    while (b >= 0 && times[b] > time) {
      times[b + 1] = times[b];
      codes[b + 1] = codes[b];
      b--;
    }
    times[b + 1] = time;
    codes[b + 1] = code;
  }
}

/**
 * Sorts the first n entries of `times` ascending, carrying `codes` along, with a stable
 * bottom-up merge sort over typed arrays: no comparator calls and no allocation once the
 * scratch arrays are big enough. The input is a concatenation of sorted runs (each process's
 * intervals come in time order), which merge sort handles well.
 */
export function sortByTime(
  times: Float64Array,
  codes: Int32Array,
  n: number,
  scratchTimes: Float64Array,
  scratchCodes: Int32Array,
): void {
  if (n <= INSERTION_LIMIT) {
    insertionSort(times, codes, n);
    return;
  }
  let fromTimes = times;
  let fromCodes = codes;
  let toTimes = scratchTimes;
  let toCodes = scratchCodes;
  for (let width = 1; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let a = left;
      let b = middle;
      for (let k = left; k < right; k++) {
        const takeA = a < middle && (b >= right || fromTimes[a] <= fromTimes[b]);
        const from = takeA ? a++ : b++;
        toTimes[k] = fromTimes[from];
        toCodes[k] = fromCodes[from];
      }
    }
    const times2 = fromTimes;
    fromTimes = toTimes;
    toTimes = times2;
    const codes2 = fromCodes;
    fromCodes = toCodes;
    toCodes = codes2;
  }
  if (fromTimes !== times) {
    times.set(fromTimes.subarray(0, n));
    codes.set(fromCodes.subarray(0, n));
  }
}
