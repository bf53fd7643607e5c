// 10-inference-optimization: speculative decoding (expected tokens, speedup, rejection sampling),
// static vs continuous batching, and the memory-bandwidth ceiling of decoding.
// Loaded by the site build through the JShell API; `jshell examples/10-inference-optimization.jsh` runs the checks.

// @start region="spec-formula"
// expected tokens produced per target-model pass with gamma drafted tokens, each accepted with probability alpha
double specExpectedTokens(double acceptRate, int draftTokens) {
    if (acceptRate == 1.0) return draftTokens + 1;
    return (1 - Math.pow(acceptRate, draftTokens + 1)) / (1 - acceptRate);
}

// wall-clock speedup over plain decoding when one draft step costs costRatio target steps
double specSpeedup(double acceptRate, int draftTokens, double costRatio) {
    return specExpectedTokens(acceptRate, draftTokens) / (draftTokens * costRatio + 1);
}
// the draft length with the highest speedup for a given acceptance rate and draft cost, searching 1..maxDraft
int bestDraftLength(double acceptRate, double costRatio, int maxDraft) {
    int best = 1;
    for (int g = 2; g <= maxDraft; g++) if (specSpeedup(acceptRate, g, costRatio) > specSpeedup(acceptRate, best, costRatio)) best = g;
    return best;
}

// when the target is compute-bound (large batches), every verified position costs compute:
// the share of the gamma + 1 verified positions that become output tokens
double specComputeEfficiency(double acceptRate, int draftTokens) {
    return specExpectedTokens(acceptRate, draftTokens) / (draftTokens + 1);
}
// @end region="spec-formula"

// @start region="spec-sampling"
// one speculative token: draw x from the draft q, keep it with probability min(1, p(x)/q(x)),
// otherwise draw from the residual max(0, p - q) renormalised. The result is distributed exactly as p.
int speculativeSample(double[] p, double[] q, Random rng) {
    int x = sample(q, rng);
    if (rng.nextDouble() < Math.min(1.0, p[x] / q[x])) return x;
    double[] residual = new double[p.length];
    for (int i = 0; i < p.length; i++) residual[i] = Math.max(0, p[i] - q[i]);
    return sample(residual, rng);            // sample() normalises
}

int sample(double[] weights, Random rng) {
    double total = Arrays.stream(weights).sum(), u = rng.nextDouble() * total, acc = 0;
    for (int i = 0; i < weights.length; i++) { acc += weights[i]; if (u < acc) return i; }
    return weights.length - 1;
}

// probability that the draft token is accepted: sum_x min(p(x), q(x))
double acceptanceRate(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) s += Math.min(p[i], q[i]);
    return s;
}
// @end region="spec-sampling"

// @start region="batching"
// {static, continuous}: decode steps until all requests finish, requests admitted in arrival order.
// static: fixed groups of batchSize, a group runs until its longest member is done.
// continuous: a finished request's slot is refilled with the next waiting request at the next step.
int[] batchSteps(int[] lengths, int batchSize) {
    int staticSteps = 0;
    for (int start = 0; start < lengths.length; start += batchSize)
        staticSteps += Arrays.stream(lengths, start, Math.min(lengths.length, start + batchSize)).max().orElse(0);
    PriorityQueue<Integer> slotsFreeAt = new PriorityQueue<>();
    for (int s = 0; s < batchSize; s++) slotsFreeAt.add(0);
    int continuousSteps = 0;
    for (int len : lengths) {
        int finish = slotsFreeAt.poll() + len;       // join when the earliest slot frees up
        slotsFreeAt.add(finish);
        continuousSteps = Math.max(continuousSteps, finish);
    }
    return new int[] {staticSteps, continuousSteps};
}

// share of slot-steps that produce a token
double utilisation(int[] lengths, int batchSize, int steps) {
    return (double) Arrays.stream(lengths).sum() / ((long) steps * batchSize);
}

// the step at which each request finishes under continuous batching (same schedule as batchSteps)
int[] finishSteps(int[] lengths, int batchSize) {
    PriorityQueue<Integer> slotsFreeAt = new PriorityQueue<>();
    for (int s = 0; s < batchSize; s++) slotsFreeAt.add(0);
    int[] finish = new int[lengths.length];
    for (int r = 0; r < lengths.length; r++) {
        finish[r] = slotsFreeAt.poll() + lengths[r];
        slotsFreeAt.add(finish[r]);
    }
    return finish;
}

// the step by which every request shorter than the longest one has finished (continuous schedule)
int shortRequestsDoneBy(int[] lengths, int batchSize) {
    int[] finish = finishSteps(lengths, batchSize);
    int longest = Arrays.stream(lengths).max().orElse(0);
    return IntStream.range(0, lengths.length).filter(r -> lengths[r] < longest).map(r -> finish[r]).max().orElse(0);
}

// how many steps of the continuous schedule run with exactly `busy` of the slots in use
int stepsWithBusySlots(int[] lengths, int batchSize, int busy) {
    int[] finish = finishSteps(lengths, batchSize);
    int end = Arrays.stream(finish).max().orElse(0), count = 0;
    for (int t = 0; t < end; t++) {
        int step = t, running = 0;
        for (int r = 0; r < lengths.length; r++) if (finish[r] - lengths[r] <= step && step < finish[r]) running++;
        if (running == busy) count++;
    }
    return count;
}
// @end region="batching"

// @start region="roofline"
// upper bound on batch-1 decode speed: every step must stream all weights from memory once
double decodeTokensPerSecond(double params, double bytesPerParam, double bytesPerSecond) {
    return bytesPerSecond / (params * bytesPerParam);
}
// @end region="roofline"

// @start region="two-rooflines"
// FLOPs per byte of weights when one pass processes `tokens` tokens at once
// (prefill: the prompt's tokens; decode: one token for each sequence of the batch)
double weightIntensity(int tokens, double bytesPerParam) { return 2.0 * tokens / bytesPerParam; }

// attainable FLOP/s at that intensity: bandwidth-bound below the ridge point, compute-bound above it
double attainableFlops(double intensity, double peakFlops, double bytesPerSecond) {
    return Math.min(peakFlops, intensity * bytesPerSecond);
}

// lower bound on one forward pass over `tokens` tokens: the larger of the compute time and the weight-read time
double passSeconds(double params, int tokens, double bytesPerParam, double peakFlops, double bytesPerSecond) {
    return Math.max(2.0 * params * tokens / peakFlops, params * bytesPerParam / bytesPerSecond);
}
// @end region="two-rooflines"

// @start region="gpus"
// datasheet memory (bytes) and HBM bandwidth (bytes/s) of current accelerators
record Gpu(String name, double memoryBytes, double bytesPerSecond) {}
List<Gpu> gpus = List.of(
    new Gpu("A100 80GB SXM", 80e9, 2.039e12),
    new Gpu("H100 SXM", 80e9, 3.35e12),
    new Gpu("H200 SXM", 141e9, 4.8e12),
    new Gpu("AMD MI300X", 192e9, 5.3e12),
    new Gpu("B200", 180e9, 8.0e12));
Gpu gpu(String name) { return gpus.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow(); }
// @end region="gpus"

// ---- figures used on the page ----
// The Llama-2-70B parameter count is not repeated here: the page loads 03-quantization.jsh and calls llamaParams.
double h100Bw = 3.35e12, a100Bw = 2.039e12; // HBM bandwidth, bytes/s: H100 SXM, A100 80GB SXM (datasheets)
double h100Bf16 = 989e12, h100Fp8 = 1979e12; // H100 SXM dense tensor FLOP/s in BF16 and FP8 (datasheet)
double[] pTarget = {0.5, 0.3, 0.2}, qDraft = {0.2, 0.3, 0.5};
int[] demoLengths = {100, 10, 10, 10, 100, 10, 10, 10};

// ---- formatting helpers ----
String f2(double v) { return String.format(Locale.ROOT, "%.2f", v); }
String f4(double v) { return String.format(Locale.ROOT, "%.4f", v); }
String sx(double v) { return String.format(Locale.ROOT, "%.2f×", v); }
String share(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }   // not pct: 03's pct takes percent points
String ms(double seconds) { return String.format(Locale.ROOT, "%.1f ms", seconds * 1e3); }
String tbs(double bytesPerSecond) { return String.format(Locale.ROOT, "%.3g TB/s", bytesPerSecond / 1e12); }
String tflops(double flops) { return String.format(Locale.ROOT, "%.0f TFLOPS", flops / 1e12); }
String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }
String f0(double v) { return String.format(Locale.ROOT, "%.0f", v); }
String n0(double v) { return String.format(Locale.ROOT, "%,.0f", v); }
String tps(double v) { return String.format(Locale.ROOT, "%.1f tokens/s", v); }
String gb(double bytes) { return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9); }

// Monte Carlo check of the expected-tokens formula: accept drafts while coins succeed, plus one token from the target
double simulatedTokensPerStep(double alpha, int gamma, int trials, Random rng) {
    long tokens = 0;
    for (int t = 0; t < trials; t++) {
        int accepted = 0;
        while (accepted < gamma && rng.nextDouble() < alpha) accepted++;
        tokens += accepted + 1;      // the target's correction token, or the bonus token when all gamma pass
    }
    return (double) tokens / trials;
}

double[] empirical(double[] p, double[] q, int draws, long seed) {
    Random rng = new Random(seed);
    double[] freq = new double[p.length];
    for (int i = 0; i < draws; i++) freq[speculativeSample(p, q, rng)] += 1.0 / draws;
    return freq;
}

// ---- self-checks against fact-check.md ----
int checks = 0;
void check(String what, double actual, double expected, double relTol) {
    double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (!(err <= relTol) && !(expected == 0 && Math.abs(actual) <= relTol))
        throw new IllegalStateException("10-inference-optimization: " + what + " = " + actual + ", expected " + expected);
    checks++;
}
check("E[tokens] alpha=0.8, gamma=4", specExpectedTokens(0.8, 4), 3.3616, 1e-9);
check("speedup 0.8, 4, c=0.1", specSpeedup(0.8, 4, 0.1), 2.4011, 1e-4);
check("speedup 0.8, 5, c=0.05", specSpeedup(0.8, 5, 0.05), 2.9514, 1e-4);
check("alpha = 1 gives gamma + 1", specExpectedTokens(1.0, 4), 5, 0);
check("Monte Carlo E[tokens]", simulatedTokensPerStep(0.8, 4, 200_000, new Random(42)), 3.3616, 0.005);
check("acceptance rate sum min(p, q)", acceptanceRate(pTarget, qDraft), 0.7, 1e-12);
{
    double[] freq = empirical(pTarget, qDraft, 200_000, 42);
    for (int i = 0; i < 3; i++) check("speculative output matches p[" + i + "]", freq[i], pTarget[i], 0.005 / pTarget[i]);
}
check("static batching steps", batchSteps(demoLengths, 4)[0], 200, 0);
check("continuous batching steps", batchSteps(demoLengths, 4)[1], 110, 0);
check("static utilisation", utilisation(demoLengths, 4, 200), 0.325, 1e-12);
check("continuous utilisation", utilisation(demoLengths, 4, 110), 0.591, 0.001);
// decode ceilings for a 68.98e9-parameter model (Llama-2-70B, fact-check.md; the page computes the count itself)
check("70B FP16 decode ceiling on H100", decodeTokensPerSecond(68.98e9, 2, h100Bw), 24.3, 0.002);
check("70B FP16 decode ceiling on A100", decodeTokensPerSecond(68.98e9, 2, a100Bw), 14.8, 0.003);
check("70B INT4 decode ceiling on H100", decodeTokensPerSecond(68.98e9, 0.5, h100Bw), 97, 0.003);
check("70B FP16 ceiling on H200 (review: 34.8)", decodeTokensPerSecond(68.98e9, 2, gpu("H200 SXM").bytesPerSecond()), 34.8, 0.002);
check("70B FP16 ceiling on MI300X (review: 38.4)", decodeTokensPerSecond(68.98e9, 2, gpu("AMD MI300X").bytesPerSecond()), 38.4, 0.002);
check("70B FP16 ceiling on B200 (review: 58.0 at 8 TB/s)", decodeTokensPerSecond(68.98e9, 2, gpu("B200").bytesPerSecond()), 58.0, 0.002);
check("best draft length at alpha 0.8, c 0.1 (review: 6)", bestDraftLength(0.8, 0.1, 16), 6, 0);
check("speedup at the optimum (review: 2.4696)", specSpeedup(0.8, 6, 0.1), 2.4696, 1e-4);
check("gamma 8 is slightly better than 4", specSpeedup(0.8, 8, 0.1) > specSpeedup(0.8, 4, 0.1) ? 1 : 0, 1, 0);
check("compute-bound: 3.3616 of 5 verified positions kept", specComputeEfficiency(0.8, 4), 3.3616 / 5, 1e-12);
check("short requests finish by step 30", Arrays.stream(finishSteps(demoLengths, 4)).filter(f -> f <= 30).count(), 6, 0);
check("the last short request ends at step 30 (review)", shortRequestsDoneBy(demoLengths, 4), 30, 0);
check("steps 30-100 run two requests", stepsWithBusySlots(demoLengths, 4, 2), 70, 0);
check("steps 100-110 run one request", stepsWithBusySlots(demoLengths, 4, 1), 10, 0);
{   // busy slot-steps add up to the tokens produced
    int sum = 0;
    for (int b = 1; b <= 4; b++) sum += b * stepsWithBusySlots(demoLengths, 4, b);
    check("busy slot-steps = tokens", sum, Arrays.stream(demoLengths).sum(), 0);
}
check("H100 ridge point in BF16", h100Bf16 / h100Bw, 295, 0.002);
check("prefill of 2048 tokens is compute-bound on H100", passSeconds(68.98e9, 2048, 2, h100Bf16, h100Bw), 2 * 68.98e9 * 2048 / h100Bf16, 1e-12);
check("batch-1 decode is bandwidth-bound on H100", passSeconds(68.98e9, 1, 2, h100Bf16, h100Bw), 68.98e9 * 2 / h100Bw, 1e-12);
check("attainable FLOP/s at batch 1", attainableFlops(weightIntensity(1, 2), h100Bf16, h100Bw), h100Bw, 1e-12);
System.out.println("10-inference-optimization: " + checks + " checks passed");
