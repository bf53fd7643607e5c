// 02-long-context: the quadratic attention matrix, exact tiled attention, and rotary position embeddings.
// Loaded by the site build before the page's snippets; `jshell examples/02-long-context.jsh` runs the checks.

// @start region="attention-entries"
// Entries of one n×n attention score matrix (one head, one layer).
long attentionEntries(long tokens) {
    return tokens * tokens;
}

// Bytes to materialise that matrix at the given precision (2 for FP16/BF16).
long scoreBytes(long tokens, int bytesPerElement) {
    return attentionEntries(tokens) * bytesPerElement;
}
// @end region="attention-entries"

// @start region="naive-attention"
// softmax(Q·Kᵀ/√d)·V, materialising the full n×m score matrix.
double[][] attention(double[][] q, double[][] k, double[][] v) {
    int n = q.length, m = k.length, d = q[0].length, dv = v[0].length;
    double[][] scores = new double[n][m];            // the O(n·m) buffer long contexts cannot afford
    double[][] out = new double[n][dv];
    for (int i = 0; i < n; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int t = 0; t < d; t++) s += q[i][t] * k[j][t];
            scores[i][j] = s / Math.sqrt(d);
            max = Math.max(max, scores[i][j]);
        }
        double sum = 0;
        for (int j = 0; j < m; j++) { scores[i][j] = Math.exp(scores[i][j] - max); sum += scores[i][j]; }
        for (int j = 0; j < m; j++)
            for (int t = 0; t < dv; t++) out[i][t] += scores[i][j] / sum * v[j][t];
    }
    return out;
}
// @end region="naive-attention"

// @start region="flash-attention"
// The same result, visiting keys in tiles of `block` with a running max and sum (online softmax):
// per query only O(block + d) extra numbers are alive, never a full row of scores.
double[][] flashAttention(double[][] q, double[][] k, double[][] v, int block) {
    int n = q.length, m = k.length, d = q[0].length, dv = v[0].length;
    double[][] out = new double[n][dv];
    double[] tile = new double[block];
    for (int i = 0; i < n; i++) {
        double runningMax = Double.NEGATIVE_INFINITY, runningSum = 0;
        double[] acc = new double[dv];                 // unnormalised output for query i
        for (int start = 0; start < m; start += block) {
            int end = Math.min(start + block, m);
            double tileMax = Double.NEGATIVE_INFINITY;
            for (int j = start; j < end; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) s += q[i][t] * k[j][t];
                tile[j - start] = s / Math.sqrt(d);
                tileMax = Math.max(tileMax, tile[j - start]);
            }
            double newMax = Math.max(runningMax, tileMax);
            double rescale = Math.exp(runningMax - newMax);   // shrink what was accumulated under the old max
            runningSum *= rescale;
            for (int t = 0; t < dv; t++) acc[t] *= rescale;
            for (int j = start; j < end; j++) {
                double p = Math.exp(tile[j - start] - newMax);
                runningSum += p;
                for (int t = 0; t < dv; t++) acc[t] += p * v[j][t];
            }
            runningMax = newMax;
        }
        for (int t = 0; t < dv; t++) out[i][t] = acc[t] / runningSum;
    }
    return out;
}
// @end region="flash-attention"

// @start region="rope"
// Rotary embedding: rotate each pair (x[2i], x[2i+1]) by the angle position·base^(−2i/d).
// This is RoFormer's interleaved pairing. Hugging Face's Llama code pairs x[i] with x[i + d/2] ("rotate half"):
// the same rotation on a permuted vector, so scores and the relative-position property are unchanged.
double[] rope(double[] x, int position, double base) {
    int d = x.length;
    double[] out = new double[d];
    for (int i = 0; i < d / 2; i++) {
        double angle = position * Math.pow(base, -2.0 * i / d);
        double c = Math.cos(angle), s = Math.sin(angle);
        out[2 * i] = x[2 * i] * c - x[2 * i + 1] * s;
        out[2 * i + 1] = x[2 * i] * s + x[2 * i + 1] * c;
    }
    return out;
}
// @end region="rope"

// Rotation speed of pair i in a d-dimensional head.
double ropeFrequency(int i, int d, double base) { return Math.pow(base, -2.0 * i / d); }

double dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }

// How many times smaller a rolling sliding-window cache is than a full cache.
double slidingWindowCacheRatio(long tokens, long window) { return (double) tokens / Math.min(tokens, window); }

// @start region="effective-length"
// NoLiMa's effective length: the longest tested context at which the score is still at least
// `fraction` (0.85) of the short-context base score. Lengths in thousands of tokens, ascending.
int effectiveLength(int[] lengthsK, double[] scores, double baseScore, double fraction) {
    int effective = 0;
    for (int i = 0; i < lengthsK.length && scores[i] >= fraction * baseScore; i++) effective = lengthsK[i];
    return effective;
}
// @end region="effective-length"

// NoLiMa results (dataset card table): base score and scores at 1K … 32K tokens.
int[] NOLIMA_LENGTHS_K = {1, 2, 4, 8, 16, 32};
double[] NOLIMA_GPT4O = {98.1, 98.0, 95.7, 89.2, 81.6, 69.7};
double[] NOLIMA_LLAMA33_70B = {94.2, 87.4, 81.5, 72.1, 59.5, 42.7};

// @start region="llama31-rope"
// Llama 3.1 RoPE scaling (rope_type "llama3"): pairs whose wavelength is shorter than
// originalContext/highFreqFactor keep their frequency, pairs longer than originalContext/lowFreqFactor are slowed
// by `factor`, and the band in between is blended linearly.
double llama31Frequency(int i, int d, double base, double factor, double lowFreqFactor, double highFreqFactor, int originalContext) {
    double freq = ropeFrequency(i, d, base), wavelength = 2 * Math.PI / freq;
    if (wavelength < originalContext / highFreqFactor) return freq;
    if (wavelength > originalContext / lowFreqFactor) return freq / factor;
    double smooth = (originalContext / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
    return (1 - smooth) * freq / factor + smooth * freq;
}
// @end region="llama31-rope"

// Tokens for one full turn of pair i.
double ropeWavelength(int i, int d, double base) { return 2 * Math.PI / ropeFrequency(i, d, base); }

// How many of the d/2 pairs Llama 3.1 leaves alone, slows fully, or blends: {kept, scaled, blended}.
int[] llama31Bands(int d, double base, double factor, double low, double high, int originalContext) {
    int kept = 0, scaled = 0, blended = 0;
    for (int i = 0; i < d / 2; i++) {
        double f = ropeFrequency(i, d, base), g = llama31Frequency(i, d, base, factor, low, high, originalContext);
        if (g == f) kept++; else if (g == f / factor) scaled++; else blended++;
    }
    return new int[] {kept, scaled, blended};
}

// @start region="interleaved-kv"
// KV-cache bytes when only every `pattern`-th layer attends globally and the others keep a rolling window
// (Gemma 3: pattern 6, i.e. five sliding-window layers per global one). pattern = 1 means all layers are global.
long interleavedKvBytes(int layers, int pattern, int window, int kvHeads, int headDim, long tokens, int bytesPerValue) {
    long global = layers / pattern, local = layers - global;
    long perLayerToken = 2L * kvHeads * headDim * bytesPerValue;          // keys and values
    return perLayerToken * (global * tokens + local * Math.min(tokens, window));
}
// @end region="interleaved-kv"

// A reproducible random matrix for the demos.
double[][] randomMatrix(int rows, int cols, long seed) {
    Random r = new Random(seed);
    double[][] m = new double[rows][cols];
    for (double[] row : m) for (int j = 0; j < cols; j++) row[j] = r.nextGaussian();
    return m;
}

double maxAbsDiff(double[][] a, double[][] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
    return worst;
}

// Formatting helpers for the page.
String count(long x) { return String.format("%,d", x); }
String gb(double bytes) { return String.format("%.2f GB", bytes / 1e9); }
// Bytes in the largest decimal unit that keeps the number at or above 1.
String size(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    int u = 0;
    while (u < units.length - 1 && bytes >= 1000) { bytes /= 1000; u++; }
    return String.format("%.2f %s", bytes, units[u]);
}
String x1(double x) { return String.format("%.1f×", x); }
String tb(double bytes) { return String.format("%.2f TB", bytes / 1e12); }
String sci(double x) { return String.format("%.4e", x).replace("e-0", "e-").replace("e+", "e"); }

void check(String what, double actual, double expected, double relTol) {
    if (Math.abs(actual - expected) > relTol * Math.abs(expected))
        throw new IllegalStateException("02-long-context: " + what + " = " + actual + ", expected " + expected);
}
void checkThat(String what, boolean ok) {
    if (!ok) throw new IllegalStateException("02-long-context: " + what);
}

int checks02 = 0;
// All checks run as one snippet: JShell compiles each top-level statement on its own, and one block loads faster.
{
    check("entries at 4K", attentionEntries(4096), 16_777_216, 0); checks02++;
    check("entries at 32K", attentionEntries(32768), 1_073_741_824, 0); checks02++;
    check("entries at 128K", attentionEntries(131072), 17_179_869_184L, 0); checks02++;
    check("entries at 1M", attentionEntries(1_000_000), 1e12, 0); checks02++;
    check("FP16 scores at 128K", scoreBytes(131072, 2), 34_359_738_368L, 0); checks02++;
    {
        double[][] q = randomMatrix(128, 32, 1), k = randomMatrix(128, 32, 2), v = randomMatrix(128, 32, 3);
        double diff = maxAbsDiff(attention(q, k, v), flashAttention(q, k, v, 16));
        if (!(diff < 1e-12)) throw new IllegalStateException("02-long-context: tiled attention differs by " + diff);
        double diff7 = maxAbsDiff(attention(q, k, v), flashAttention(q, k, v, 7));   // a block that does not divide n
        if (!(diff7 < 1e-12)) throw new IllegalStateException("02-long-context: tiled attention (block 7) differs by " + diff7);
    }
    checks02 += 2;
    {
        double[] q = {1, 2}, k = {0.5, -1};
        check("RoPE score at positions 5 and 3", dot(rope(q, 5, 1e4), rope(k, 3, 1e4)), -1.194374598831, 1e-11); checks02++;
        check("RoPE score at positions 12 and 10", dot(rope(q, 12, 1e4), rope(k, 10, 1e4)), -1.194374598831, 1e-11); checks02++;
    }
    check("slowest RoPE frequency, d=128", ropeFrequency(63, 128, 1e4), 1.1548e-4, 1e-4); checks02++;
    check("Mistral sliding-window saving at 32K", slidingWindowCacheRatio(32768, 4096), 8, 0); checks02++;
    // RoPE with the "rotate half" pairing of Hugging Face's Llama gives the same score after the same permutation.
    {
        double[] q = {1, 2, 0.5, -1}, k = {0.3, -0.7, 2, 1};
        int[] perm = {0, 2, 1, 3};                                        // interleaved index -> rotate-half index
        double[] qh = new double[4], kh = new double[4];
        for (int j = 0; j < 4; j++) { qh[perm[j]] = q[j]; kh[perm[j]] = k[j]; }
        double[] rq = rope(q, 7, 1e4), rk = rope(k, 2, 1e4);
        double interleaved = dot(rq, rk), half = 0;
        double[] hq = new double[4], hk = new double[4];
        for (int i = 0; i < 2; i++) {
            double a7 = 7 * ropeFrequency(i, 4, 1e4), a2 = 2 * ropeFrequency(i, 4, 1e4);
            hq[i] = qh[i] * Math.cos(a7) - qh[i + 2] * Math.sin(a7); hq[i + 2] = qh[i] * Math.sin(a7) + qh[i + 2] * Math.cos(a7);
            hk[i] = kh[i] * Math.cos(a2) - kh[i + 2] * Math.sin(a2); hk[i + 2] = kh[i] * Math.sin(a2) + kh[i + 2] * Math.cos(a2);
        }
        half = dot(hq, hk);
        check("rotate-half pairing gives the interleaved score", half, interleaved, 1e-12); checks02++;
    }
    // NoLiMa's published effective lengths: GPT-4o 8K, Llama 3.3 70B 2K (base scores 99.3 and 97.3).
    check("NoLiMa effective length, GPT-4o", effectiveLength(NOLIMA_LENGTHS_K, NOLIMA_GPT4O, 99.3, 0.85), 8, 0); checks02++;
    check("NoLiMa effective length, Llama 3.3 70B", effectiveLength(NOLIMA_LENGTHS_K, NOLIMA_LLAMA33_70B, 97.3, 0.85), 2, 0); checks02++;
    // Llama 3.1 scaling keeps the fastest pair and slows the slowest by exactly the factor 8.
    check("Llama 3.1: fastest pair unchanged", llama31Frequency(0, 128, 5e5, 8, 1, 4, 8192), 1, 0); checks02++;
    check("Llama 3.1: slowest pair slowed 8x", llama31Frequency(63, 128, 5e5, 8, 1, 4, 8192), ropeFrequency(63, 128, 5e5) / 8, 1e-15); checks02++;
    {
        int[] bands = llama31Bands(128, 5e5, 8, 1, 4, 8192);
        checkThat("Llama 3.1 bands cover all 64 pairs", bands[0] + bands[1] + bands[2] == 64); checks02++;
    }
    // Gemma 3 27B (62 layers, 16 KV heads of 128, window 1024, pattern 6) at 128K tokens in BF16, by hand:
    // 10 global layers × 131072 tokens + 52 local layers × 1024 tokens, times 2·16·128·2 bytes.
    check("Gemma 3 27B interleaved KV at 128K", interleavedKvBytes(62, 6, 1024, 16, 128, 131072, 2), 8192.0 * (10 * 131072 + 52 * 1024), 0); checks02++;
    check("all-global KV equals the plain formula", interleavedKvBytes(80, 1, 4096, 8, 128, 131072, 2), 2.0 * 80 * 8 * 128 * 2 * 131072, 0); checks02++;
}
System.out.println("02-long-context: " + checks02 + " checks passed");
