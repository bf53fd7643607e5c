// 03-quantization: weight memory at a given precision, and symmetric INT8 / group-wise INT4 round trips.
// Loaded by the site build before the page's snippets; `jshell examples/03-quantization.jsh` runs the checks.

// @start region="weight-bytes"
// Bytes needed to store the weights alone (no KV cache, activations or runtime overhead).
double weightBytes(double params, double bitsPerWeight) {
    return params * bitsPerWeight / 8;
}

// Effective bits per weight when every group of `group` weights also stores one scale of `scaleBits` bits.
double bitsWithScales(double bits, int group, int scaleBits) {
    return bits + (double) scaleBits / group;
}
// @end region="weight-bytes"

// @start region="llama-params"
// Parameter count of a LLaMA-style decoder (untied embeddings, gated MLP, grouped-query attention, RMSNorm).
long llamaParams(int layers, int dModel, int ffn, int heads, int kvHeads, int vocab) {
    long headDim = dModel / heads;
    long attention = 2L * dModel * dModel + 2L * dModel * kvHeads * headDim;   // Wq, Wo, Wk, Wv
    long mlp = 3L * dModel * ffn;                                             // gate, up, down
    long norms = 2L * dModel;
    return layers * (attention + mlp + norms) + 2L * vocab * dModel + dModel;  // + embeddings, LM head, final norm
}
// @end region="llama-params"

// @start region="int8"
// Symmetric per-tensor INT8: scale = max|w|/127, q = round(w/scale) in [-127, 127], return q·scale.
float[] int8RoundTrip(float[] w) {
    float maxAbs = 0;
    for (float x : w) maxAbs = Math.max(maxAbs, Math.abs(x));
    float scale = maxAbs == 0 ? 1 : maxAbs / 127;
    float[] out = new float[w.length];
    for (int i = 0; i < w.length; i++) {
        int q = Math.max(-127, Math.min(127, Math.round(w[i] / scale)));
        out[i] = q * scale;
    }
    return out;
}
// @end region="int8"

// @start region="int4-group"
// Symmetric group-wise INT4: each run of `group` weights gets its own scale = max|w|/7, q in [-7, 7].
float[] int4GroupRoundTrip(float[] w, int group) {
    float[] out = new float[w.length];
    for (int start = 0; start < w.length; start += group) {
        int end = Math.min(start + group, w.length);
        float maxAbs = 0;
        for (int i = start; i < end; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]));
        float scale = maxAbs == 0 ? 1 : maxAbs / 7;
        for (int i = start; i < end; i++) {
            int q = Math.max(-7, Math.min(7, Math.round(w[i] / scale)));
            out[i] = q * scale;
        }
    }
    return out;
}
// @end region="int4-group"

// Test tensors: a smooth one, and one whose magnitude halves every 128 weights (a few loud groups, many quiet ones).
float[] smoothWeights(int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) w[i] = (float) (Math.sin(i + 1) * (1 + 0.5 * Math.sin(0.37 * i)));
    return w;
}
float[] decayingWeights(int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) w[i] = (float) (Math.sin(i + 1) * Math.pow(2, -(i / 128)));
    return w;
}
double maxAbsError(float[] a, float[] b) { double m = 0; for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i])); return m; }
double meanAbsError(float[] a, float[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]); return s / a.length; }
double maxAbs(float[] a) { double m = 0; for (float x : a) m = Math.max(m, Math.abs(x)); return m; }

// How many times larger the mean INT4 error is with one scale per tensor than with one scale per group.
double groupErrorRatio(float[] w, int group) {
    return meanAbsError(w, int4GroupRoundTrip(w, w.length)) / meanAbsError(w, int4GroupRoundTrip(w, group));
}

// Relative perplexity change in percent.
double pplDelta(double baseline, double quantized) { return 100 * (quantized - baseline) / baseline; }

// Llama-2-70B from its published config: 80 layers, d=8192, ffn 28672, 64 heads, 8 KV heads, vocab 32000.
long LLAMA2_70B = llamaParams(80, 8192, 28672, 64, 8, 32000);

// Formatting helpers for the page.
String gb(double bytes) { return String.format("%.1f GB", bytes / 1e9); }
String gb2(double bytes) { return String.format("%.2f GB", bytes / 1e9); }
String gib(double bytes) { return String.format("%.2f GiB", bytes / (1L << 30)); }
String pct(double x) { return String.format("%+.1f%%", x); }
String sci(double x) { return String.format("%.3e", x).replace("e-0", "e-"); }
String x2(double x) { return String.format("%.2f×", x); }

void check(String what, double actual, double expected, double relTol) {
    if (Math.abs(actual - expected) > relTol * Math.abs(expected))
        throw new IllegalStateException("03-quantization: " + what + " = " + actual + ", expected " + expected);
}

int checks03 = 0;
check("Llama-2-70B parameter count", LLAMA2_70B, 68_976_648_192L, 0); checks03++;
check("FP32 weights, real count", weightBytes(LLAMA2_70B, 32), 275.9e9, 1e-4); checks03++;
check("FP16 weights, real count", weightBytes(LLAMA2_70B, 16), 137.95e9, 1e-4); checks03++;
check("INT8 weights, real count", weightBytes(LLAMA2_70B, 8), 68.98e9, 1e-4); checks03++;
check("INT4 weights, real count", weightBytes(LLAMA2_70B, 4), 34.49e9, 1e-4); checks03++;
check("INT4 g128 + FP16 scale bits", bitsWithScales(4, 128, 16), 4.125, 0); checks03++;
check("INT4 g128 file", weightBytes(LLAMA2_70B, 4.125), 35.6e9, 2e-3); checks03++;
check("Q4_K_M file (GiB)", weightBytes(LLAMA2_70B, 4.80) / (1L << 30), 38.54, 1e-3); checks03++;
{
    float[] w = smoothWeights(1024);
    double scale = maxAbs(w) / 127, err = maxAbsError(w, int8RoundTrip(w));
    check("INT8 scale", scale, 1.17746e-2, 1e-4); checks03++;
    check("INT8 max error", err, 5.886e-3, 1e-3); checks03++;
    if (err > scale / 2 * (1 + 1e-6)) throw new IllegalStateException("03-quantization: INT8 error " + err + " exceeds scale/2");
    checks03++;
    float[] d = decayingWeights(1024);
    check("INT4 group-128 mean error", meanAbsError(d, int4GroupRoundTrip(d, 128)), 8.11e-3, 2e-3); checks03++;
    check("INT4 per-tensor mean error", meanAbsError(d, int4GroupRoundTrip(d, 1024)), 2.78e-2, 2e-3); checks03++;
}
check("AWQ Llama-2-7B delta", pplDelta(5.47, 5.60), 2.4, 0.02); checks03++;
check("AWQ Llama-2-13B delta", pplDelta(4.88, 4.97), 1.8, 0.03); checks03++;
check("AWQ Llama-2-70B delta", pplDelta(3.32, 3.41), 2.7, 0.01); checks03++;
check("SmoothQuant OPT-1.3B delta", pplDelta(14.62, 14.82), 1.4, 0.03); checks03++;
check("llama.cpp Q2_K Llama-2-70B delta", pplDelta(3.4313, 3.7339), 8.8, 0.01); checks03++;
System.out.println("03-quantization: " + checks03 + " checks passed");
