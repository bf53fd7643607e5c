// 08-kv-cache: KV-cache size, a toy decoder generating with and without the cache, paged block allocation.
// Loaded by the site build through the JShell API; `jshell examples/08-kv-cache.jsh` runs the checks.

// @start region="kv-formula"
// bytes of K and V kept for one sequence: 2 (K and V) x layers x KV heads x head dim x tokens x bytes per element
long kvCacheBytes(int layers, int kvHeads, int headDim, long tokens, int bytesPerElement) {
    return 2L * layers * kvHeads * headDim * tokens * bytesPerElement;
}
// @end region="kv-formula"

// @start region="toy-decoder"
// A 2-layer, single-head decoder with fixed random weights. step() processes ONE position: it appends that
// position's K and V to the per-layer cache and attends over everything cached so far.
record Toy(int vocab, int d, double[][] emb, double[][] pos, double[][][][] w) {}   // w[layer] = {Wq, Wk, Wv, Wo, W1}
long macs = 0;   // multiply-accumulate counter, to compare the work done

double[] matVec(double[][] m, double[] x) {
    double[] y = new double[m.length];
    for (int i = 0; i < m.length; i++) for (int j = 0; j < x.length; j++) y[i] += m[i][j] * x[j];
    macs += (long) m.length * x.length;
    return y;
}

// one position through all layers; cache.get(l) holds {keys, values} of layer l; logits only if asked
double[] step(Toy m, int token, int position, List<List<List<double[]>>> cache, boolean wantLogits) {
    double[] x = m.emb()[token].clone();
    for (int i = 0; i < m.d(); i++) x[i] += m.pos()[position][i];
    for (int l = 0; l < m.w().length; l++) {
        double[][][] w = m.w()[l];
        List<double[]> keys = cache.get(l).get(0), values = cache.get(l).get(1);
        double[] q = matVec(w[0], x);
        keys.add(matVec(w[1], x));
        values.add(matVec(w[2], x));
        double[] a = new double[keys.size()];
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < m.d(); i++) a[t] += q[i] * keys.get(t)[i];
            a[t] /= Math.sqrt(m.d());
            max = Math.max(max, a[t]);
        }
        for (int t = 0; t < a.length; t++) { a[t] = Math.exp(a[t] - max); sum += a[t]; }
        double[] ctx = new double[m.d()];
        for (int t = 0; t < a.length; t++) for (int i = 0; i < m.d(); i++) ctx[i] += a[t] / sum * values.get(t)[i];
        macs += 2L * a.length * m.d();                        // q.k for every cached key, then the weighted sum of V
        double[] o = matVec(w[3], ctx);
        for (int i = 0; i < m.d(); i++) x[i] += o[i];         // residual around attention
        double[] h = matVec(w[4], x);
        for (int i = 0; i < m.d(); i++) x[i] += Math.max(0, h[i]);   // residual around a ReLU feed-forward
    }
    if (!wantLogits) return null;
    double[] logits = new double[m.vocab()];
    for (int v = 0; v < m.vocab(); v++) for (int i = 0; i < m.d(); i++) logits[v] += m.emb()[v][i] * x[i];  // tied output
    macs += (long) m.vocab() * m.d();
    return logits;
}

List<List<List<double[]>>> emptyCache(Toy m) {
    List<List<List<double[]>>> c = new ArrayList<>();
    for (int l = 0; l < m.w().length; l++) c.add(List.of(new ArrayList<>(), new ArrayList<>()));
    return c;
}

int argmax(double[] a) { int b = 0; for (int i = 1; i < a.length; i++) if (a[i] > a[b]) b = i; return b; }

record Generation(List<Integer> tokens, List<double[]> logits, long macs) {}

// greedy decoding; useCache=false rebuilds every K and V from scratch at each step
Generation generate(Toy m, List<Integer> prompt, int newTokens, boolean useCache) {
    macs = 0;
    List<Integer> seq = new ArrayList<>(prompt);
    List<double[]> allLogits = new ArrayList<>();
    var cache = emptyCache(m);
    double[] logits = null;
    for (int p = 0; p < seq.size(); p++) logits = step(m, seq.get(p), p, cache, p == seq.size() - 1);  // prefill
    for (int n = 0; n < newTokens; n++) {
        allLogits.add(logits);
        seq.add(argmax(logits));
        if (useCache) {
            logits = step(m, seq.get(seq.size() - 1), seq.size() - 1, cache, true);       // only the new token
        } else {
            cache = emptyCache(m);                                                    // forget everything
            for (int p = 0; p < seq.size(); p++) logits = step(m, seq.get(p), p, cache, p == seq.size() - 1);
        }
    }
    return new Generation(seq, allLogits, macs);
}
// @end region="toy-decoder"

Toy toy(int vocab, int d, int layers, int maxLen, long seed) {
    Random r = new Random(seed);
    double[][] emb = new double[vocab][d], pos = new double[maxLen][d];
    for (double[] row : emb) for (int i = 0; i < d; i++) row[i] = r.nextGaussian();
    for (double[] row : pos) for (int i = 0; i < d; i++) row[i] = 0.5 * r.nextGaussian();
    double[][][][] w = new double[layers][5][d][d];
    for (double[][][] layer : w) for (double[][] mat : layer) for (double[] row : mat)
        for (int i = 0; i < d; i++) row[i] = r.nextGaussian() / Math.sqrt(d);
    return new Toy(vocab, d, emb, pos, w);
}

double maxLogitDiff(Generation a, Generation b) {
    double m = 0;
    for (int s = 0; s < a.logits().size(); s++)
        for (int v = 0; v < a.logits().get(s).length; v++)
            m = Math.max(m, Math.abs(a.logits().get(s)[v] - b.logits().get(s)[v]));
    return m;
}

// @start region="paged"
// KV blocks each request needs when the cache is allocated in fixed blocks of `blockSize` tokens
int[] pagedBlocks(int[] lengths, int blockSize) {
    return Arrays.stream(lengths).map(n -> (n + blockSize - 1) / blockSize).toArray();
}

// share of the reserved token slots that hold no token
double wasteFraction(int[] lengths, long reservedSlots) {
    return 1.0 - (double) Arrays.stream(lengths).asLongStream().sum() / reservedSlots;
}
// @end region="paged"

// @start region="mla"
// Multi-head latent attention (DeepSeek-V2/V3) caches, per token and layer, one compressed latent of kvLora values
// plus one RoPE key of ropeDim values shared by all heads, instead of a K and a V for every head
long mlaCacheBytes(int layers, int kvLora, int ropeDim, long tokens, int bytesPerElement) {
    return (long) layers * (kvLora + ropeDim) * tokens * bytesPerElement;
}
// @end region="mla"

// @start region="bounded"
// share of a full-attention cache kept when only every globalEvery-th layer attends to all tokens and the
// others keep a sliding window of `window` tokens (interleaved local/global layers)
double hybridCacheFraction(int globalEvery, int window, long tokens) {
    double global = 1.0 / globalEvery;
    return global + (1 - global) * Math.min(1.0, (double) window / tokens);
}

// tokens a StreamingLLM-style cache keeps: the first `sinks` tokens plus the `window` most recent ones
long streamingCacheTokens(long tokens, int sinks, int window) { return Math.min(tokens, (long) sinks + window); }
// @end region="bounded"

// @start region="capacity"
// how many tokens of cache fit in freeBytes, at bytesPerToken (kvCacheBytes(..., 1, b) for one token)
long tokensThatFit(double freeBytes, long bytesPerToken) { return (long) (freeBytes / bytesPerToken); }
// @end region="capacity"

// ---- shapes and hardware figures used on the page ----
// Llama-2-70B / Llama-3.1-70B: 80 layers, 64 query heads, 8 KV heads, head dim 128 (model configs).
// The 70B parameter count is not repeated here: the page loads 03-quantization.jsh and calls its llamaParams.
int L70 = 80, H70 = 64, KV70 = 8, DH = 128;
double h100Flops = 989e12, h100Bandwidth = 3.35e12;       // H100 SXM dense BF16 FLOP/s and HBM3 bytes/s (datasheet)
double h100Memory = 80e9;                                 // H100 SXM HBM3 capacity, "80GB" (datasheet)
// DeepSeek-V3 (config.json): 61 layers, 128 heads, kv_lora_rank 512, qk_rope_head_dim 64, qk_nope_head_dim 128
int V3_LAYERS = 61, V3_HEADS = 128, V3_KV_LORA = 512, V3_ROPE = 64, V3_NOPE = 128;
// Gemma 3 (paper and config.json): one global layer in six (_sliding_window_pattern 6), local window 1024 tokens
int GEMMA3_GLOBAL_EVERY = 6, GEMMA3_WINDOW = 1024;

// FLOPs per byte of weights read in one decode step: 2 FLOPs per parameter per sequence, weights read once per step
double decodeIntensity(int batch, double bytesPerParam) { return 2.0 * batch / bytesPerParam; }

// ---- formatting helpers ----
String gb(double bytes) { return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9); }
String gb2(double bytes) { return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9); }
String gib1(double bytes) { return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30)); }
String kib(double bytes) { return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024); }
String x(double ratio) { return String.format(Locale.ROOT, "%.0f×", ratio); }
String x2(double ratio) { return String.format(Locale.ROOT, "%.2f×", ratio); }
String share(double f) { return String.format(Locale.ROOT, "%.1f%%", 100 * f); }   // not pct: 03's pct takes percent points
String x1(double ratio) { return String.format(Locale.ROOT, "%.1f×", ratio); }
String mtok(double tokens) { return String.format(Locale.ROOT, "%.2fM tokens", tokens / 1e6); }
String tflops(double flops) { return String.format(Locale.ROOT, "%.0f TFLOPS", flops / 1e12); }
String tbs(double bytesPerSecond) { return String.format(Locale.ROOT, "%.2f TB/s", bytesPerSecond / 1e12); }
String n0(double v) { return String.format(Locale.ROOT, "%,.0f", v); }

// ---- self-checks against fact-check.md ----
int checks = 0;
void check(String what, double actual, double expected, double relTol) {
    double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (!(err <= relTol) && !(expected == 0 && Math.abs(actual) <= relTol))
        throw new IllegalStateException("08-kv-cache: " + what + " = " + actual + ", expected " + expected);
    checks++;
}
check("MHA 70B, 128,000 tokens, FP16", kvCacheBytes(80, 64, 128, 128_000, 2), 335_544_320_000L, 0);
check("GQA 70B (8 KV heads), 128,000 tokens", kvCacheBytes(80, 8, 128, 128_000, 2), 41_943_040_000L, 0);
check("GQA 70B at 131,072 tokens = 40 GiB", kvCacheBytes(80, 8, 128, 131_072, 2), 40L << 30, 0);
check("Llama-2-70B at its 4K context", kvCacheBytes(80, 8, 128, 4096, 2), 1_342_177_280L, 0);
check("article's 167 GB is ~2x too small", kvCacheBytes(80, 64, 128, 128_000, 2) / 167e9, 2.01, 0.001);
check("MQA reduction for 64 heads", (double) kvCacheBytes(80, 64, 128, 1, 2) / kvCacheBytes(80, 1, 128, 1, 2), 64, 0);
check("paged blocks", Arrays.hashCode(pagedBlocks(new int[] {1, 17, 100, 2048, 500}, 16)),
      Arrays.hashCode(new int[] {1, 2, 7, 128, 32}), 0);
check("paged waste", wasteFraction(new int[] {1, 17, 100, 2048, 500}, 170 * 16), 0.0199, 0.01);
check("reserve-max waste", wasteFraction(new int[] {1, 17, 100, 2048, 500}, 5 * 2048), 0.7396, 0.001);
check("H100 ridge point", h100Flops / h100Bandwidth, 295, 0.002);
check("batch-1 FP16 decode intensity", decodeIntensity(1, 2), 1, 0);
check("MLA caches 576 values per token and layer", mlaCacheBytes(1, V3_KV_LORA, V3_ROPE, 1, 1), 576, 0);
check("MLA vs 128-head MHA with 128-dim heads: about 57x",
      (double) kvCacheBytes(V3_LAYERS, V3_HEADS, 128, 1, 2) / mlaCacheBytes(V3_LAYERS, V3_KV_LORA, V3_ROPE, 1, 2), 56.9, 0.001);
check("Gemma 3 at 131,072 tokens keeps 1/6 + 5/6 * 1024/131072", hybridCacheFraction(6, 1024, 131_072), 1.0 / 6 + 5.0 / 6 / 128, 1e-12);
check("a window longer than the text keeps everything", hybridCacheFraction(6, 1024, 512), 1, 1e-12);
check("StreamingLLM cache stops growing", streamingCacheTokens(1_000_000, 4, 1020), 1024, 0);
check("StreamingLLM keeps short texts whole", streamingCacheTokens(100, 4, 1020), 100, 0);
check("40 GiB holds 131,072 tokens of 70B GQA cache", tokensThatFit(40L << 30, kvCacheBytes(80, 8, 128, 1, 2)), 131_072, 0);
{
    Toy m = toy(16, 8, 2, 64, 9);
    Generation cached = generate(m, List.of(3, 1, 4, 1), 12, true);
    Generation uncached = generate(m, List.of(3, 1, 4, 1), 12, false);
    check("cached and uncached logits agree", maxLogitDiff(cached, uncached), 0, 1e-12);
    check("same generated tokens", cached.tokens().equals(uncached.tokens()) ? 1 : 0, 1, 0);
    check("cache does less work", cached.macs() < uncached.macs() ? 1 : 0, 1, 0);
}
System.out.println("08-kv-cache: " + checks + " checks passed");
