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
// @end region="batching"

// @start region="roofline"
// upper bound on batch-1 decode speed: every step must stream all weights from memory once
double decodeTokensPerSecond(double params, double bytesPerParam, double bytesPerSecond) {
    return bytesPerSecond / (params * bytesPerParam);
}
// @end region="roofline"

// ---- figures used on the page ----
double llama70bParams = 68_976_648_192.0;   // counted from the Llama-2-70B config
double h100Bw = 3.35e12, a100Bw = 2.039e12; // HBM bandwidth, bytes/s: H100 SXM, A100 80GB SXM (datasheets)
double[] pTarget = {0.5, 0.3, 0.2}, qDraft = {0.2, 0.3, 0.5};
int[] demoLengths = {100, 10, 10, 10, 100, 10, 10, 10};

// ---- formatting helpers ----
String f2(double v) { return String.format(Locale.ROOT, "%.2f", v); }
String f4(double v) { return String.format(Locale.ROOT, "%.4f", v); }
String sx(double v) { return String.format(Locale.ROOT, "%.2f×", v); }
String pct(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }
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
check("70B FP16 decode ceiling on H100", decodeTokensPerSecond(llama70bParams, 2, h100Bw), 24.3, 0.002);
check("70B FP16 decode ceiling on A100", decodeTokensPerSecond(llama70bParams, 2, a100Bw), 14.8, 0.003);
check("70B INT4 decode ceiling on H100", decodeTokensPerSecond(llama70bParams, 0.5, h100Bw), 97, 0.003);
System.out.println("10-inference-optimization: " + checks + " checks passed");
