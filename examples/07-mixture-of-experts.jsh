// 07-mixture-of-experts: top-k gating, the Switch load-balancing loss, and MoE parameter counts from a config.
// Loaded by the site build through the JShell API; `jshell examples/07-mixture-of-experts.jsh` runs the checks.

// @start region="gate"
// softmax over the k largest logits, 0 for every other expert (ties: the lower index wins)
double[] topKGate(double[] logits, int k) {
    Integer[] order = IntStream.range(0, logits.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (i, j) -> Double.compare(logits[j], logits[i]));
    double max = logits[order[0]], sum = 0;
    double[] gate = new double[logits.length];
    for (int r = 0; r < k; r++) { gate[order[r]] = Math.exp(logits[order[r]] - max); sum += gate[order[r]]; }
    for (int r = 0; r < k; r++) gate[order[r]] /= sum;
    return gate;
}

// plain softmax over all experts: the router probabilities p_i(x) used by the auxiliary loss
double[] softmax(double[] logits) {
    double max = Arrays.stream(logits).max().orElseThrow();
    double[] e = Arrays.stream(logits).map(x -> Math.exp(x - max)).toArray();
    double s = Arrays.stream(e).sum();
    return Arrays.stream(e).map(x -> x / s).toArray();
}
// @end region="gate"

// @start region="gate-v3"
// DeepSeek-V3-style routing: a sigmoid affinity per expert; the k experts with the highest affinity + bias are
// selected, but their weights use the affinities alone, normalised over the selected k.
// The bias only steers which experts are chosen (auxiliary-loss-free balancing).
double[] sigmoidTopKGate(double[] logits, double[] bias, int k) {
    double[] affinity = Arrays.stream(logits).map(x -> 1 / (1 + Math.exp(-x))).toArray();
    Integer[] order = IntStream.range(0, logits.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (i, j) -> Double.compare(affinity[j] + bias[j], affinity[i] + bias[i]));
    double[] gate = new double[logits.length];
    double sum = 0;
    for (int r = 0; r < k; r++) sum += affinity[order[r]];
    for (int r = 0; r < k; r++) gate[order[r]] = affinity[order[r]] / sum;
    return gate;
}

// share of the routed (token, expert) slots each expert receives for a batch of router logits
double[] expertLoad(double[][] routerLogits, double[] bias, int k) {
    double[] load = new double[bias.length];
    for (double[] row : routerLogits) {
        double[] g = sigmoidTopKGate(row, bias, k);
        for (int e = 0; e < g.length; e++) if (g[e] > 0) load[e] += 1.0 / (routerLogits.length * k);
    }
    return load;
}

// one balancing step: lower the bias of experts above the mean load by gamma, raise the others by gamma
double[] updateBias(double[] bias, double[] load, double gamma) {
    double mean = 1.0 / load.length;
    double[] next = bias.clone();
    for (int e = 0; e < load.length; e++) next[e] += load[e] > mean ? -gamma : gamma;
    return next;
}

// the busiest expert's load relative to a perfectly even split (1.0 = balanced)
double maxLoadRatio(double[] load) { return Arrays.stream(load).max().orElseThrow() * load.length; }
// @end region="gate-v3"

// @start region="combinations"
// how many different sets of k experts a router can choose from n: the binomial coefficient C(n, k)
long expertCombinations(int n, int k) {
    long c = 1;
    for (int i = 0; i < k; i++) c = c * (n - i) / (i + 1);   // exact: each prefix product is a binomial coefficient
    return c;
}
// @end region="combinations"

// @start region="aux-loss"
// Switch Transformer auxiliary loss: alpha * N * sum_i f_i * P_i
// f_i = fraction of tokens dispatched to expert i, P_i = mean router probability of expert i
double loadBalancingLoss(double[] tokenFraction, double[] meanRouterProb, double alpha) {
    int n = tokenFraction.length;
    double s = 0;
    for (int i = 0; i < n; i++) s += tokenFraction[i] * meanRouterProb[i];
    return alpha * n * s;
}

// f and P measured on a batch of router logits (one row per token), top-1 dispatch as in Switch
double[][] routingStats(double[][] routerLogits) {
    int experts = routerLogits[0].length;
    double[] f = new double[experts], p = new double[experts];
    for (double[] row : routerLogits) {
        double[] prob = softmax(row);
        int best = 0;
        for (int i = 1; i < experts; i++) if (prob[i] > prob[best]) best = i;
        f[best] += 1.0 / routerLogits.length;
        for (int i = 0; i < experts; i++) p[i] += prob[i] / routerLogits.length;
    }
    return new double[][] {f, p};
}
// @end region="aux-loss"

// @start region="params"
// one transformer's shape; attention parameters per layer are passed in because GQA and MLA differ
record MoeConfig(String name, int layers, int denseLayers, long attnPerLayer, int d, int denseFfn,
                 int expertFfn, int routedExperts, int sharedExperts, int activeRouted, int vocab) {}

// grouped-query attention: Q and O are d x (H*dh), K and V are d x (Hkv*dh)
long gqaAttention(int d, int heads, int kvHeads, int headDim) {
    return 2L * d * heads * headDim + 2L * d * kvHeads * headDim;
}

// {total, active} parameters: SwiGLU FFNs (3 matrices), a router per MoE layer, RMSNorm weights, untied embeddings
long[] moeParams(MoeConfig c) {
    long expert = 3L * c.d() * c.expertFfn();
    long dense = 3L * c.d() * c.denseFfn();
    int moeLayers = c.layers() - c.denseLayers();
    long shared = c.layers() * (c.attnPerLayer() + 2L * c.d())          // attention + two norms per layer
            + c.denseLayers() * dense                                    // leading dense FFN layers
            + (c.routedExperts() > 1 ? moeLayers * (long) c.d() * c.routedExperts() : 0)  // routers
            + 2L * c.vocab() * c.d() + c.d();                            // embedding, LM head, final norm
    long perMoeLayerAll = (long) (c.routedExperts() + c.sharedExperts()) * expert;
    long perMoeLayerActive = (long) (c.activeRouted() + c.sharedExperts()) * expert;
    return new long[] {shared + moeLayers * perMoeLayerAll, shared + moeLayers * perMoeLayerActive};
}
// @end region="params"

// multi-head latent attention of DeepSeek-V2 (low-rank Q and compressed KV), from its config.json
long mlaAttention(int d, int heads, int qLora, int kvLora, int qkNope, int qkRope, int vHead) {
    return (long) d * qLora + qLora + (long) qLora * heads * (qkNope + qkRope)   // q_a, norm, q_b
         + (long) d * (kvLora + qkRope) + kvLora + (long) kvLora * heads * (qkNope + vHead) // kv_a, norm, kv_b
         + (long) heads * vHead * d;                                             // o_proj
}

MoeConfig mixtral = new MoeConfig("Mixtral 8x7B", 32, 0, gqaAttention(4096, 32, 8, 128),
        4096, 0, 14336, 8, 0, 2, 32000);
MoeConfig deepseekV2 = new MoeConfig("DeepSeek-V2", 60, 1, mlaAttention(5120, 128, 1536, 512, 128, 64, 128),
        5120, 12288, 1536, 160, 2, 6, 102400);
// DeepSeek-V3 (config.json): 61 layers, the first 3 dense (FFN 18432), 256 routed experts of width 2048 + 1 shared,
// 8 routed per token, MLA with q_lora 1536, kv_lora 512, 128 heads, nope 128, rope 64, v 128; vocab 129280.
// The multi-token-prediction module shipped with the weights is not part of the 671B.
MoeConfig deepseekV3 = new MoeConfig("DeepSeek-V3", 61, 3, mlaAttention(7168, 128, 1536, 512, 128, 64, 128),
        7168, 18432, 2048, 256, 1, 8, 129280);
// Qwen3-235B-A22B (config.json): 94 layers, all MoE, 128 experts of width 1536, 8 per token, no shared expert,
// GQA with 64 query and 4 KV heads of dim 128 plus a q_norm and k_norm of head_dim each; vocab 151936.
MoeConfig qwen3 = new MoeConfig("Qwen3-235B-A22B", 94, 0, gqaAttention(4096, 64, 4, 128) + 2 * 128,
        4096, 0, 1536, 128, 0, 8, 151936);
// Mistral 7B is Mixtral with one expert: the dense model the "8x7B" name refers to
MoeConfig mistral7b = new MoeConfig("Mistral 7B", 32, 0, gqaAttention(4096, 32, 8, 128),
        4096, 0, 14336, 1, 0, 1, 32000);

// ---- formatting helpers ----
String b(double params) { return String.format(Locale.ROOT, "%.1fB", params / 1e9); }
String b2(double params) { return String.format(Locale.ROOT, "%.2fB", params / 1e9); }
String pct(double x) { return String.format(Locale.ROOT, "%.1f%%", 100 * x); }
String f6(double x) { return String.format(Locale.ROOT, "%.6f", x); }
String f3(double x) { return String.format(Locale.ROOT, "%.3f", x); }
String gb(double bytes) { return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9); }
long total(MoeConfig c) { return moeParams(c)[0]; }
long active(MoeConfig c) { return moeParams(c)[1]; }
double[] uniform(int n) { double[] a = new double[n]; Arrays.fill(a, 1.0 / n); return a; }
double[] oneHot(int n, int i) { double[] a = new double[n]; a[i] = 1; return a; }
String sci(double x) { return String.format(Locale.ROOT, "%.1e", x).replace("e+", " × 10^"); }
String n0(double x) { return String.format(Locale.ROOT, "%,.0f", x); }
int demoTokens = 512;   // size of the simulated router batches on the page

// router logits of a batch that favours expert 0 (it gets +1), for the balancing demo: 8 experts, top-2
double[][] skewedLogits(int tokens, int experts, long seed) {
    Random rng = new Random(seed);
    double[][] l = new double[tokens][experts];
    for (double[] row : l) for (int e = 0; e < experts; e++) row[e] = rng.nextGaussian() + (e == 0 ? 1.0 : 0.0);
    return l;
}
// the bias after `steps` balancing updates on the same batch
double[] balancedBias(double[][] logits, int k, double gamma, int steps) {
    double[] bias = new double[logits[0].length];
    for (int s = 0; s < steps; s++) bias = updateBias(bias, expertLoad(logits, bias, k), gamma);
    return bias;
}
double[][] demoSkewed = skewedLogits(512, 8, 42);
double[] demoBias = balancedBias(demoSkewed, 2, 0.002, 200);   // the page's balanced router (200 updates, gamma 0.002)

// ---- self-checks against fact-check.md and the published figures ----
int checks = 0;
void check(String what, double actual, double expected, double relTol) {
    double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (!(err <= relTol) && !(expected == 0 && Math.abs(actual) <= relTol))
        throw new IllegalStateException("07-mixture-of-experts: " + what + " = " + actual + ", expected " + expected);
    checks++;
}
{
    double[] g = topKGate(new double[] {1, 2, 3, 4}, 2);
    check("gate expert 3", g[3], 0.731059, 1e-5);
    check("gate expert 2", g[2], 0.268941, 1e-5);
    check("gate experts 0,1 unused", g[0] + g[1], 0, 0);
    check("gate sums to 1", Arrays.stream(g).sum(), 1, 1e-12);
}
check("aux loss, uniform routing (N=8)", loadBalancingLoss(uniform(8), uniform(8), 0.01), 0.01, 1e-12);
check("aux loss, collapsed routing (N=8)", loadBalancingLoss(oneHot(8, 0), oneHot(8, 0), 0.01), 0.08, 1e-12);
check("Mixtral total (46.7B)", total(mixtral), 46.70e9, 0.001);
check("Mixtral active (12.9B)", active(mixtral), 12.88e9, 0.001);
check("DeepSeek-V2 total (236B)", total(deepseekV2), 235.7e9, 0.001);
check("DeepSeek-V2 active (21B)", active(deepseekV2), 21.4e9, 0.003);
check("Mistral 7B (7,241,732,096)", total(mistral7b), 7_241_732_096L, 0);
check("DeepSeek-V3 total (671B published)", total(deepseekV3), 671e9, 0.002);
check("DeepSeek-V3 active (37B published)", active(deepseekV3), 37e9, 0.02);
check("Qwen3-235B-A22B total (235B published)", total(qwen3), 235e9, 0.003);
check("Qwen3-235B-A22B active (22B published)", active(qwen3), 22e9, 0.02);
check("Mixtral picks among C(8,2) = 28 pairs", expertCombinations(8, 2), 28, 0);
check("C(256, 8)", expertCombinations(256, 8), 409_663_695_276_000L, 0);
{
    double[] g = sigmoidTopKGate(new double[] {1, 2, 3, 4}, new double[4], 2);
    double s3 = 1 / (1 + Math.exp(-4)), s2 = 1 / (1 + Math.exp(-3));
    check("sigmoid gate, expert 3", g[3], s3 / (s3 + s2), 1e-12);
    check("sigmoid gate sums to 1 over the chosen k", Arrays.stream(g).sum(), 1, 1e-12);
    double[] steered = sigmoidTopKGate(new double[] {1, 2, 3, 4}, new double[] {1, 0, 0, 0}, 2);
    check("a bias changes the choice", steered[0] > 0 && steered[2] == 0 ? 1 : 0, 1, 0);
    double s0 = 1 / (1 + Math.exp(-1));
    check("but not the weight, which uses the affinity alone", steered[0], s0 / (s0 + s3), 1e-12);
    double before = maxLoadRatio(expertLoad(demoSkewed, new double[8], 2));
    double after = maxLoadRatio(expertLoad(demoSkewed, demoBias, 2));
    check("bias updates spread a skewed batch", after < before && after < 1.05 ? 1 : 0, 1, 0);
}
System.out.println("07-mixture-of-experts: " + checks + " checks passed");
