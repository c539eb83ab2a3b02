// One row block of C = A × B. Input: { a: [[…], …] (rows firstRow… of A), b: [[…], …] (all of B), firstRow }.
// Returns the block's rows of C and where they go, so the submitter can assemble C in any order.
export default (input, ctx) => {
  const { a, b, firstRow } = input;
  const inner = b.length;
  const columns = b[0].length;
  const rows = a.map((row, i) => {
    const out = new Array(columns).fill(0);
    for (let k = 0; k < inner; k += 1) {
      const factor = row[k];
      const bk = b[k];
      for (let j = 0; j < columns; j += 1) out[j] += factor * bk[j];
    }
    ctx.progress((i + 1) / a.length);
    return out;
  });
  ctx.log(`rows ${firstRow}..${firstRow + a.length - 1}: ${a.length}×${inner} times ${inner}×${columns}`);
  return { firstRow, rows };
};
