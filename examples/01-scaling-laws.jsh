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

// Formatting helpers for the page.
String billions(double x) { return String.format("%.1fB", x / 1e9); }
String trillions(double x) { return String.format("%.2fT", x / 1e12); }
String sci(double x) { return String.format("%.2e", x).replace("e+", "e"); }
String f3(double x) { return String.format("%.3f", x); }
String f4(double x) { return String.format("%.4f", x); }
String ratio(double x) { return String.format("%.1f", x); }

void check(String what, double actual, double expected, double relTol) {
    if (Math.abs(actual - expected) > relTol * Math.abs(expected))
        throw new IllegalStateException("01-scaling-laws: " + what + " = " + actual + ", expected " + expected);
}

// Checks against published or independently derived values (fact-check.md, section 2).
int checks01 = 0;
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
check("D/N at Gopher budget (rounded)", computeOptimal(5.76e23)[1] / computeOptimal(5.76e23)[0], 92.7, 1e-3); checks01++;
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
System.out.println("01-scaling-laws: " + checks01 + " checks passed");
