// 03-quantization: weight memory at a given precision, and symmetric INT8 / group-wise INT4 round trips.
// Loaded by the site build before the page's snippets; `jshell examples/03-quantization.jsh` runs the checks.

// @start region="weight-bytes"
// Bytes needed to store the weights alone (no KV cache, activations or runtime overhead).
double weightBytes(double params, double bitsPerWeight) {
    return params * bitsPerWeight / 8;
}

// Effective bits per weight when every group of `group` weights also stores one scale of `scaleBits` bits.
// Symmetric formats only: an asymmetric format also stores a zero point, see bitsWithScaleAndZero.
double bitsWithScales(double bits, int group, int scaleBits) {
    return bits + (double) scaleBits / group;
}
// @end region="weight-bytes"

// @start region="zero-point"
// Asymmetric (min/max) quantization as GPTQ and AWQ checkpoints store it: 2^bits levels, one scale and one zero
// point per group.
double bitsWithScaleAndZero(double bits, int group, int scaleBits, int zeroBits) {
    return bits + (double) (scaleBits + zeroBits) / group;
}
// @end region="zero-point"

// Bits per weight of a published file: its size in GiB over the parameter count.
double bitsPerWeightFromGiB(double fileGiB, double params) {
    return fileGiB * (1L << 30) * 8 / params;
}

// How many cards of `cardGiB` binary gigabytes the given bytes need (weights only).
long cardsNeeded(double bytes, double cardGiB) {
    return (long) Math.ceil(bytes / (cardGiB * (1L << 30)));
}

// @start region="llama-params"
// Parameter count of a LLaMA-style decoder (untied embeddings, gated MLP, grouped-query attention, RMSNorm).
// Assumes heads × head_dim = d_model, which holds for Llama; models with a separate head_dim need it passed in.
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
double meanAbs(float[] a) { double s = 0; for (float x : a) s += Math.abs(x); return s / a.length; }

// @start region="float-formats"
// Largest finite value of a small float format with e exponent bits, m mantissa bits and bias 2^(e−1) − 1.
// "ieee": the top exponent is reserved for inf/NaN (FP8 E5M2). "fn": only the all-ones pattern is NaN (FP8 E4M3).
// "finite": no inf or NaN at all (FP4 E2M1).
double floatFormatMax(int e, int m, String kind) {
    int bias = (1 << (e - 1)) - 1;
    int topExponent = kind.equals("ieee") ? (1 << e) - 2 : (1 << e) - 1;
    double topMantissa = kind.equals("fn") ? 2 - 2 * Math.pow(2, -m) : 2 - Math.pow(2, -m);
    return topMantissa * Math.pow(2, topExponent - bias);
}

// MXFP4 (OCP Microscaling): blocks of 32 FP4 E2M1 values sharing one 8-bit power-of-two scale (E8M0).
double[] E2M1 = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
float[] mxfp4RoundTrip(float[] w) {
    float[] out = new float[w.length];
    for (int start = 0; start < w.length; start += 32) {
        int end = Math.min(start + 32, w.length);
        double amax = 0;
        for (int i = start; i < end; i++) amax = Math.max(amax, Math.abs(w[i]));
        // shared exponent: floor(log2(amax)) minus E2M1's largest exponent (2), so amax lands in [4, 8)
        double scale = amax == 0 ? 1 : Math.pow(2, Math.floor(Math.log(amax) / Math.log(2)) - 2);
        for (int i = start; i < end; i++) {
            double x = Math.abs(w[i]) / scale, best = 0;
            for (double v : E2M1) if (Math.abs(v - x) < Math.abs(best - x)) best = v;   // nearest, saturating at 6
            out[i] = (float) (Math.signum(w[i]) * best * scale);
        }
    }
    return out;
}

// NVFP4-style: blocks of 16 FP4 values with a fine-grained scale amax/6. NVFP4 stores that scale in FP8 E4M3 (plus
// one FP32 scale per tensor); here the block scale is kept exact, so this is slightly optimistic.
float[] nvfp4LikeRoundTrip(float[] w) {
    float[] out = new float[w.length];
    for (int start = 0; start < w.length; start += 16) {
        int end = Math.min(start + 16, w.length);
        double amax = 0;
        for (int i = start; i < end; i++) amax = Math.max(amax, Math.abs(w[i]));
        double scale = amax == 0 ? 1 : amax / 6;
        for (int i = start; i < end; i++) {
            double x = Math.abs(w[i]) / scale, best = 0;
            for (double v : E2M1) if (Math.abs(v - x) < Math.abs(best - x)) best = v;
            out[i] = (float) (Math.signum(w[i]) * best * scale);
        }
    }
    return out;
}
// @end region="float-formats"

// Normally distributed test weights (trained weights are roughly Gaussian), reproducible by seed.
float[] gaussianWeights(int n, long seed) {
    Random r = new Random(seed);
    float[] w = new float[n];
    for (int i = 0; i < n; i++) w[i] = (float) r.nextGaussian();
    return w;
}

// @start region="qlora"
// QLoRA's cost of the quantization constants per weight: one FP32 absmax per block of 64 weights, or with
// double quantization an 8-bit constant per 64 weights plus one FP32 constant per 256 of those.
double constantBits(int block, int constantBits) {
    return (double) constantBits / block;
}
double doubleQuantBits(int block, int constantBits, int block2, int constant2Bits) {
    return (double) constantBits / block + (double) constant2Bits / (block * block2);
}
// @end region="qlora"

// @start region="rotation"
// Orthonormal fast Walsh–Hadamard transform (length a power of two); applying it twice gives the input back.
// QuaRot and SpinQuant rotate weights and activations like this so that outliers spread over all coordinates.
float[] hadamard(float[] x) {
    float[] h = x.clone();
    for (int len = 1; len < h.length; len *= 2)
        for (int i = 0; i < h.length; i += 2 * len)
            for (int j = i; j < i + len; j++) { float a = h[j], b = h[j + len]; h[j] = a + b; h[j + len] = a - b; }
    float norm = (float) Math.sqrt(h.length);
    for (int i = 0; i < h.length; i++) h[i] /= norm;
    return h;
}

// INT4 per-tensor round trip in the rotated basis, rotated back.
float[] rotatedInt4RoundTrip(float[] w) {
    return hadamard(int4GroupRoundTrip(hadamard(w), w.length));
}
// @end region="rotation"

// A tensor of small values with one large outlier, as activations with an outlier feature look.
float[] outlierTensor(int n) {
    float[] w = smoothWeights(n);
    for (int i = 0; i < n; i++) w[i] *= 0.1f;
    w[7] = 20;
    return w;
}

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
String f3(double x) { return String.format("%.3f", x); }

void check(String what, double actual, double expected, double relTol) {
    if (Math.abs(actual - expected) > relTol * Math.abs(expected))
        throw new IllegalStateException("03-quantization: " + what + " = " + actual + ", expected " + expected);
}

int checks03 = 0;
// All checks run as one snippet: JShell compiles each top-level statement on its own, and one block loads faster.
{
    check("Llama-2-70B parameter count", LLAMA2_70B, 68_976_648_192L, 0); checks03++;
    check("FP32 weights, real count", weightBytes(LLAMA2_70B, 32), 275.9e9, 1e-4); checks03++;
    check("FP16 weights, real count", weightBytes(LLAMA2_70B, 16), 137.95e9, 1e-4); checks03++;
    check("INT8 weights, real count", weightBytes(LLAMA2_70B, 8), 68.98e9, 1e-4); checks03++;
    check("INT4 weights, real count", weightBytes(LLAMA2_70B, 4), 34.49e9, 1e-4); checks03++;
    check("INT4 g128 + FP16 scale bits", bitsWithScales(4, 128, 16), 4.125, 0); checks03++;
    check("INT4 g128 file", weightBytes(LLAMA2_70B, 4.125), 35.6e9, 2e-3); checks03++;
    // llama.cpp's Llama 2 70B scorechart: fp16 128.5 GiB must come out at 16 bits per weight.
    check("fp16 file is 16 bits per weight", bitsPerWeightFromGiB(128.5, LLAMA2_70B), 16.0, 1e-3); checks03++;
    check("Q4_K_M bits per weight from 38.54 GiB", bitsPerWeightFromGiB(38.54, LLAMA2_70B), 4.80, 1e-3); checks03++;
    check("asymmetric INT4 g128, FP16 scale + 4-bit zero", bitsWithScaleAndZero(4, 128, 16, 4), 4.15625, 0); checks03++;
    check("FP16 real count needs 2 cards of 80 GiB", cardsNeeded(weightBytes(LLAMA2_70B, 16), 80), 2, 0); checks03++;
    // FP8 E4M3 and E5M2 maxima (Micikevicius et al. 2022) and FP4 E2M1 (OCP MX spec).
    check("FP8 E4M3 max", floatFormatMax(4, 3, "fn"), 448, 0); checks03++;
    check("FP8 E5M2 max", floatFormatMax(5, 2, "ieee"), 57344, 0); checks03++;
    check("FP4 E2M1 max", floatFormatMax(2, 1, "finite"), 6, 0); checks03++;
    check("FP16 max", floatFormatMax(5, 10, "ieee"), 65504, 0); checks03++;
    check("MXFP4 bits per weight (gpt-oss model card: 4.25)", bitsWithScales(4, 32, 8), 4.25, 0); checks03++;
    // gpt-oss-120b: 114.71B MLP weights in MXFP4, 0.96B attention + 1.16B embedding in BF16; card: 60.8 GiB.
    check("gpt-oss-120b checkpoint (GiB)", (weightBytes(114.71e9, 4.25) + weightBytes(0.96e9 + 1.16e9, 16)) / (1L << 30), 60.8, 5e-3); checks03++;
    // QLoRA: 0.5 bits per parameter of constants, 0.127 with double quantization.
    check("QLoRA constants, FP32 per 64", constantBits(64, 32), 0.5, 0); checks03++;
    check("QLoRA double quantization", doubleQuantBits(64, 8, 256, 32), 0.127, 1e-2); checks03++;
    {
        float[] x = smoothWeights(64), back = hadamard(hadamard(x));
        if (maxAbsError(x, back) > 1e-5) throw new IllegalStateException("03-quantization: Hadamard round trip drifted");
        checks03++;
        float[] o = outlierTensor(64);
        if (!(meanAbsError(o, rotatedInt4RoundTrip(o)) < meanAbsError(o, int4GroupRoundTrip(o, 64))))
            throw new IllegalStateException("03-quantization: rotation did not reduce the INT4 error on an outlier tensor");
        checks03++;
        float[] d = decayingWeights(1024);
        // Every block's amax lands in [4, 8) scale steps, so no value moves by more than a quarter of its block's amax.
        for (int b = 0; b < d.length; b += 32) {
            float[] blk = Arrays.copyOfRange(d, b, b + 32);
            if (maxAbsError(blk, mxfp4RoundTrip(blk)) > maxAbs(blk) / 4 + 1e-7)
                throw new IllegalStateException("03-quantization: MXFP4 error above a quarter of the block maximum at " + b);
        }
        checks03++;
    }
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
    check("llama.cpp Q4_K_M Llama-2-70B delta", pplDelta(3.4313, 3.4725), 1.20, 0.01); checks03++;
    check("llama.cpp Q2_K Llama-2-70B delta", pplDelta(3.4313, 3.7339), 8.8, 0.01); checks03++;
}
System.out.println("03-quantization: " + checks03 + " checks passed");
