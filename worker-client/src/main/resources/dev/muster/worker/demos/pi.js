// Monte Carlo estimate of π: throws `samples` random points at the unit square and counts those inside the quarter
// circle. Input: { samples, seed }. A seeded generator (xorshift32) makes every job's answer reproducible.
export default ({ samples, seed }, ctx) => {
  let state = (seed >>> 0) || 1;
  const random = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 4294967296;
  };
  let inside = 0;
  for (let i = 1; i <= samples; i += 1) {
    const x = random();
    const y = random();
    if (x * x + y * y <= 1) inside += 1;
    if (i % 1_000_000 === 0) ctx.progress(i / samples);
  }
  ctx.log(`${inside} of ${samples} inside`);
  return { inside, samples };
};
