// 01-scaling-laws: Chinchilla loss, training compute and the compute-optimal split.
// Loaded by the site build before the page's snippets; `jshell examples/01-scaling-laws.jsh` runs the checks.

// A fitted parametric loss L(N, D) = E + A/N^alpha + B/D^beta (Hoffmann et al. 2022, approach 3).
record Fit(String name, double e, double a, double b, double alpha, double beta) {}

// Constants as printed in the Chinchilla paper (eq. 10), the unrounded TeX values, and the Besiroglu et al. 2024 refit.
Fit CHINCHILLA = new Fit("Chinchilla eq. 10 (rounded)", 1.69, 406.4, 410.7, 0.34, 0.28);
Fit CHINCHILLA_TEX = new Fit("Chinchilla TeX source", 1.6934, 406.4, 410.7, 0.3392, 0.2849);
Fit BESIROGLU = new Fit("Besiroglu et al. 2024 refit", 1.8172, 482.01, 2085.43, 0.3478, 0.3658);

double loss(Fit f, double params, double tokens) {
    return f.e() + f.a() / Math.pow(params, f.alpha()) + f.b() / Math.pow(tokens, f.beta());
}

// @start region="chinchilla-loss"
// Predicted pre-training loss (nats/token) for N parameters trained on D tokens, Chinchilla approach 3.
double chinchillaLoss(double params, double tokens) {
    return 1.69 + 406.4 / Math.pow(params, 0.34) + 410.7 / Math.pow(tokens, 0.28);
}
// @end region="chinchilla-loss"

// @start region="training-flops"
// Training compute in FLOPs: about 2N per token forward and 4N backward, so C = 6·N·D.
double trainingFlops(double params, double tokens) {
    return 6 * params * tokens;
}
// @end region="training-flops"

// @start region="compute-optimal"
// {N*, D*} minimising loss(f, N, D) subject to 6·N·D = flops, in closed form.
double[] optimum(Fit f, double flops) {
    double g = Math.pow(f.alpha() * f.a() / (f.beta() * f.b()), 1 / (f.alpha() + f.beta()));
    double n = g * Math.pow(flops / 6, f.beta() / (f.alpha() + f.beta()));
    return new double[] {n, flops / 6 / n};
}

// The same optimum for the rounded constants that chinchillaLoss uses.
double[] computeOptimal(double flops) {
    return optimum(CHINCHILLA, flops);
}
// @end region="compute-optimal"

// @start region="over-training"
// Parameters of a dense LLaMA-style decoder from its config.json (untied embeddings, gated MLP, grouped-query
// attention, RMSNorm); the same count as llamaParams on page 03. Assumes heads × head_dim = d_model.
long denseDecoderParams(int layers, int dModel, int ffn, int heads, int kvHeads, int vocab) {
    long headDim = dModel / heads;
    long perLayer = 2L * dModel * dModel + 2L * dModel * kvHeads * headDim + 3L * dModel * ffn + 2L * dModel;
    return layers * perLayer + 2L * vocab * dModel + dModel;
}

// Tokens D that reach `targetLoss` with N parameters under fit f (infinite if N alone cannot reach it).
double tokensForLoss(Fit f, double params, double targetLoss) {
    double left = targetLoss - f.e() - f.a() / Math.pow(params, f.alpha());
    return left <= 0 ? Double.POSITIVE_INFINITY : Math.pow(f.b() / left, 1 / f.beta());
}

// Inference-aware optimum (Sardana et al. 2023): the {N, D} that reaches `targetLoss` at the least total cost
// 6·N·D (training) + 2·N·inferenceTokens (serving). The cost is unimodal in log N: golden-section search.
double[] inferenceAwareOptimum(Fit f, double targetLoss, double inferenceTokens) {
    // Smallest model that can reach the target at all: A/N^alpha must stay below targetLoss − E.
    double lo = Math.log10(Math.pow(f.a() / (targetLoss - f.e()), 1 / f.alpha())) + 1e-9, hi = 15;
    DoubleUnaryOperator cost = logN -> {
        double n = Math.pow(10, logN);
        return 6 * n * tokensForLoss(f, n, targetLoss) + 2 * n * inferenceTokens;
    };
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 200; i++) {
        double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
        if (cost.applyAsDouble(x1) < cost.applyAsDouble(x2)) hi = x2; else lo = x1;
    }
    double n = Math.pow(10, (lo + hi) / 2);
    return new double[] {n, tokensForLoss(f, n, targetLoss)};
}
// @end region="over-training"

// Llama 3 8B from its config.json: 32 layers, d 4096, MLP 14336, 32 heads, 8 KV heads, vocabulary 128256.
long LLAMA3_8B = denseDecoderParams(32, 4096, 14336, 32, 8, 128256);

// @start region="test-time"
// Inference compute: about 2N FLOPs per generated token (forward pass only).
double inferenceFlops(double params, double generatedTokens) {
    return 2 * params * generatedTokens;
}
// @end region="test-time"

// @start region="repeated-data"
// Muennighoff et al. 2023: unique tokens U seen for `epochs` passes are worth U + U·R*(1 − e^(−R/R*)) fresh tokens,
// with R = epochs − 1 repetitions and the fitted decay constant R* = 15.4.
double effectiveTokens(double uniqueTokens, double epochs) {
    double rStar = 15.4, repeats = epochs - 1;
    return uniqueTokens + uniqueTokens * rStar * (1 - Math.exp(-repeats / rStar));
}
// @end region="repeated-data"

// @start region="embedding-share"
// Kaplan et al. count only non-embedding parameters, about 12·layers·d² for a standard transformer block stack.
double nonEmbeddingParams(int layers, int dModel) {
    return 12.0 * layers * dModel * dModel;
}

// Token and position embeddings (GPT-2 style, tied output layer).
double embeddingParams(int vocab, int contextLength, int dModel) {
    return (double) (vocab + contextLength) * dModel;
}
// @end region="embedding-share"

// Formatting helpers for the page.
String billions(double x) { return String.format("%.1fB", x / 1e9); }
String trillions(double x) { return String.format("%.2fT", x / 1e12); }
String sci(double x) { return String.format("%.2e", x).replace("e+", "e"); }
String f3(double x) { return String.format("%.3f", x); }
String f4(double x) { return String.format("%.4f", x); }
String ratio(double x) { return String.format("%.1f", x); }
String pct(double x) { return String.format("%.1f%%", 100 * x); }
String count(double x) { return String.format("%,.0f", x); }

void check(String what, double actual, double expected, double relTol) {
    if (Math.abs(actual - expected) > relTol * Math.abs(expected))
        throw new IllegalStateException("01-scaling-laws: " + what + " = " + actual + ", expected " + expected);
}

// Checks against published or independently derived values (fact-check.md, section 2).
int checks01 = 0;
// All checks run as one snippet: JShell compiles each top-level statement on its own, and one block loads faster.
{
    check("Chinchilla loss at 70B / 1.4T", chinchillaLoss(70e9, 1.4e12), 1.9366, 1e-4); checks01++;
    check("record form equals the kernel", loss(CHINCHILLA, 70e9, 1.4e12), chinchillaLoss(70e9, 1.4e12), 1e-12); checks01++;
    check("TeX-constant loss at 70B / 1.4T", loss(CHINCHILLA_TEX, 70e9, 1.4e12), 1.9208, 1e-4); checks01++;
    check("Besiroglu loss at 70B / 1.4T", loss(BESIROGLU, 70e9, 1.4e12), 1.9739, 1e-4); checks01++;
    check("Chinchilla training FLOPs", trainingFlops(70e9, 1.4e12), 5.88e23, 1e-12); checks01++;
    check("GPT-3 training FLOPs", trainingFlops(175e9, 300e9), 3.15e23, 1e-12); checks01++;
    check("N* at Gopher budget (rounded)", computeOptimal(5.76e23)[0], 3.219e10, 1e-3); checks01++;
    check("D* at Gopher budget (rounded)", computeOptimal(5.76e23)[1], 2.982e12, 1e-3); checks01++;
    check("N* at Gopher budget (TeX)", optimum(CHINCHILLA_TEX, 5.76e23)[0], 4.031e10, 1e-3); checks01++;
    check("N* at Gopher budget (Besiroglu)", optimum(BESIROGLU, 5.76e23)[0], 7.225e10, 1e-3); checks01++;
    check("D/N at Gopher budget (Besiroglu)", optimum(BESIROGLU, 5.76e23)[1] / optimum(BESIROGLU, 5.76e23)[0], 18.39, 1e-3); checks01++;
    check("D/N at Gopher budget (rounded)", computeOptimal(5.76e23)[1] / computeOptimal(5.76e23)[0], 92.647, 1e-4); checks01++;
    // Llama 3 8B from its published config.json (32 layers, d 4096, MLP 14336, 32 heads, 8 KV heads, vocab 128256):
    // Hugging Face lists 8,030,261,248 parameters.
    check("Llama 3 8B parameter count", denseDecoderParams(32, 4096, 14336, 32, 8, 128256), 8_030_261_248L, 0); checks01++;
    check("Llama 2 70B parameter count (page 03)", denseDecoderParams(80, 8192, 28672, 64, 8, 32000), 68_976_648_192L, 0); checks01++;
    // Muennighoff et al.: one epoch is worth exactly its tokens, and repeated data saturates at U·(1 + R*).
    check("one epoch is fresh data", effectiveTokens(1e11, 1), 1e11, 1e-12); checks01++;
    check("repeated data saturates at 16.4 U", effectiveTokens(1e11, 1e6), 1.64e12, 1e-9); checks01++;
    // tokensForLoss inverts the loss law, and the inference-aware optimum with no serving is the Chinchilla optimum.
    check("tokensForLoss inverts loss()", loss(BESIROGLU, 8e9, tokensForLoss(BESIROGLU, 8e9, 2.1)), 2.1, 1e-12); checks01++;
    {
        double[] opt = optimum(BESIROGLU, 1e23), same = inferenceAwareOptimum(BESIROGLU, loss(BESIROGLU, opt[0], opt[1]), 0);
        check("inference-aware optimum without inference = compute optimum", same[0], opt[0], 1e-3); checks01++;
        double[] served = inferenceAwareOptimum(BESIROGLU, loss(BESIROGLU, opt[0], opt[1]), 1e14);
        if (!(served[0] < opt[0] && served[1] > opt[1]))
            throw new IllegalStateException("01-scaling-laws: serving volume did not favour a smaller, longer-trained model");
        checks01++;
    }
    // Kaplan's 12·L·d² for GPT-2 small (12 layers, d 768) is 84.9M non-embedding parameters; its embeddings are 39.4M.
    check("GPT-2 small non-embedding parameters", nonEmbeddingParams(12, 768), 84_934_656, 0); checks01++;
    check("GPT-2 small embedding parameters", embeddingParams(50257, 1024, 768), 39_383_808, 0); checks01++;
    check("6ND for Llama 3 8B on 15T tokens", trainingFlops(8.03e9, 15e12), 7.227e23, 1e-12); checks01++;
    // The closed-form optimum beats every ±10% shift of N at the same compute, and loss falls in N and in D.
    {
        double[] opt = computeOptimal(5.76e23);
        for (double s : new double[] {0.9, 1.1}) {
            double n = opt[0] * s, d = 5.76e23 / 6 / n;
            if (chinchillaLoss(n, d) <= chinchillaLoss(opt[0], opt[1]))
                throw new IllegalStateException("01-scaling-laws: shifting N by " + s + " did not raise the loss");
        }
        if (!(chinchillaLoss(2e9, 1e11) < chinchillaLoss(1e9, 1e11) && chinchillaLoss(1e9, 2e11) < chinchillaLoss(1e9, 1e11)))
            throw new IllegalStateException("01-scaling-laws: loss is not decreasing in N and D");
    }
    checks01 += 2;
}
System.out.println("01-scaling-laws: " + checks01 + " checks passed");
