// 05-evaluation: pass@k, SQuAD exact match and F1, ROUGE-L, BLEU and perplexity.
// Loaded by the site build before the page's snippets; `jshell examples/05-evaluation.jsh` runs the checks.

// @start region="pass-at-k"
// Unbiased pass@k (Chen et al. 2021): 1 - C(n-c, k)/C(n, k) for n samples of which c pass, as a stable product.
double passAtK(int n, int c, int k) {
    if (n - c < k) return 1.0;
    double allFail = 1.0;
    for (int i = n - c + 1; i <= n; i++) allFail *= 1.0 - (double) k / i;
    return 1.0 - allFail;
}

// The biased shortcut: estimate p = c/n, then assume k independent tries.
double passAtKNaive(int n, int c, int k) {
    return 1.0 - Math.pow(1.0 - (double) c / n, k);
}
// @end region="pass-at-k"

// @start region="squad"
// SQuAD answer normalisation: lower case, drop punctuation and the articles a/an/the, collapse whitespace.
List<String> squadTokens(String s) {
    String t = s.toLowerCase().replaceAll("\\p{Punct}", "").replaceAll("\\b(a|an|the)\\b", " ").trim();
    return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
}

// 1.0 if the normalised strings are identical, else 0.0.
double exactMatch(String prediction, String truth) {
    return squadTokens(prediction).equals(squadTokens(truth)) ? 1.0 : 0.0;
}

// Token-level F1 between normalised prediction and truth (shared tokens counted with multiplicity).
double f1Score(String prediction, String truth) {
    List<String> p = squadTokens(prediction), t = squadTokens(truth);
    if (p.isEmpty() || t.isEmpty()) return p.equals(t) ? 1.0 : 0.0;
    Map<String, Integer> left = new HashMap<>();
    for (String w : t) left.merge(w, 1, Integer::sum);
    int common = 0;
    for (String w : p) if (left.getOrDefault(w, 0) > 0) { left.merge(w, -1, Integer::sum); common++; }
    if (common == 0) return 0.0;
    double precision = (double) common / p.size(), recall = (double) common / t.size();
    return 2 * precision * recall / (precision + recall);
}
// @end region="squad"

List<String> words(String s) { return List.of(s.toLowerCase().trim().split("\\s+")); }

// @start region="rouge-bleu"
// ROUGE-L F-measure with beta = 1: longest common subsequence of lower-cased whitespace tokens.
double rougeL(String candidate, String reference) {
    List<String> c = words(candidate), r = words(reference);
    int[][] lcs = new int[c.size() + 1][r.size() + 1];
    for (int i = 1; i <= c.size(); i++)
        for (int j = 1; j <= r.size(); j++)
            lcs[i][j] = c.get(i - 1).equals(r.get(j - 1)) ? lcs[i - 1][j - 1] + 1 : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
    double l = lcs[c.size()][r.size()];
    if (l == 0) return 0.0;
    double precision = l / c.size(), recall = l / r.size();
    return 2 * precision * recall / (precision + recall);
}

// BLEU's clipped n-gram precision: each candidate n-gram counts at most as often as in the best reference.
double modifiedPrecision(String candidate, List<String> references, int n) {
    Map<List<String>, Integer> cand = ngrams(words(candidate), n), maxRef = new HashMap<>();
    for (String ref : references) ngrams(words(ref), n).forEach((g, k) -> maxRef.merge(g, k, Math::max));
    int clipped = 0, total = 0;
    for (var e : cand.entrySet()) { clipped += Math.min(e.getValue(), maxRef.getOrDefault(e.getKey(), 0)); total += e.getValue(); }
    return total == 0 ? 0.0 : (double) clipped / total;
}

// Sentence BLEU-4: geometric mean of clipped 1..4-gram precisions times the brevity penalty (no smoothing).
double bleu(String candidate, List<String> references) {
    int c = words(candidate).size();
    int r = references.stream().map(x -> words(x).size()).min(Comparator.comparingInt(x -> Math.abs(x - c))).orElse(c);
    double logSum = 0;
    for (int n = 1; n <= 4; n++) {
        double p = modifiedPrecision(candidate, references, n);
        if (p == 0) return 0.0;
        logSum += Math.log(p) / 4;
    }
    double brevity = c > r ? 1.0 : Math.exp(1.0 - (double) r / c);
    return brevity * Math.exp(logSum);
}
// @end region="rouge-bleu"

Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
    return counts;
}

// @start region="perplexity"
// exp of the mean negative log-likelihood per token (natural-log probabilities).
double perplexity(double[] tokenLogProbs) {
    double sum = 0;
    for (double lp : tokenLogProbs) sum += lp;
    return Math.exp(-sum / tokenLogProbs.length);
}

// Standard error of an accuracy p measured on n independent items.
double accuracyStdError(double p, int n) {
    return Math.sqrt(p * (1 - p) / n);
}
// @end region="perplexity"

// @start region="paired"
// Standard error of the difference between two models' accuracies on the same n items, when their per-item
// errors have correlation rho: sqrt((pA(1−pA) + pB(1−pB) − 2·rho·sA·sB) / n). rho = 0 is the unpaired case.
double pairedDiffStdError(double pA, double pB, double rho, int n) {
    double vA = pA * (1 - pA), vB = pB * (1 - pB);
    return Math.sqrt((vA + vB - 2 * rho * Math.sqrt(vA * vB)) / n);
}

// The same from per-item results: the standard deviation of the per-item differences over sqrt(n).
double pairedDiffStdError(boolean[] a, boolean[] b) {
    int n = a.length;
    double[] d = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) { d[i] = (a[i] ? 1 : 0) - (b[i] ? 1 : 0); mean += d[i] / n; }
    double ss = 0;
    for (double x : d) ss += (x - mean) * (x - mean);
    return Math.sqrt(ss / (n - 1) / n);
}

// Clustered standard error of a mean score when items come in groups (several questions on one passage):
// residuals are summed within each cluster before squaring (the clustered standard error of Miller 2024).
double clusteredStdError(double[] scores, int[] cluster) {
    int n = scores.length;
    double mean = Arrays.stream(scores).average().orElse(0);
    Map<Integer, Double> sums = new TreeMap<>();
    for (int i = 0; i < n; i++) sums.merge(cluster[i], scores[i] - mean, Double::sum);
    double ss = 0;
    for (double v : sums.values()) ss += v * v;
    return Math.sqrt(ss) / n;
}
// @end region="paired"

// @start region="repeated-samples"
// Sampling noise of avg@k (the mean over k sampled answers per question) for fixed questions whose solve
// probabilities are p[i]: sqrt(Σ p(1−p) / k) / n. More samples shrink it as 1/sqrt(k).
double avgAtKStdError(double[] solveProbabilities, int k) {
    double v = 0;
    for (double p : solveProbabilities) v += p * (1 - p) / k;
    return Math.sqrt(v) / solveProbabilities.length;
}

// cons@k (majority vote over k samples, k odd) when each sample is right with probability p and every wrong
// sample gives the same wrong answer: the worst case for voting, a binomial tail.
double majorityVoteAccuracy(double p, int k) {
    double total = 0;
    for (int j = k / 2 + 1; j <= k; j++) total += binomial(k, j) * Math.pow(p, j) * Math.pow(1 - p, k - j);
    return total;
}
double binomial(int n, int k) { double r = 1; for (int i = 1; i <= k; i++) r = r * (n - k + i) / i; return r; }
// @end region="repeated-samples"

// @start region="arena"
// Elo / Bradley–Terry: the probability that a model rated ra beats one rated rb (400-point logistic scale).
double eloWinProbability(double ra, double rb) {
    return 1 / (1 + Math.pow(10, (rb - ra) / 400));
}

// Bradley–Terry strengths from a win matrix (wins[i][j] = times i beat j) by the MM iteration
// p_i = W_i / Σ_j n_ij / (p_i + p_j), reported as Elo-scale ratings centred on 1000.
double[] bradleyTerryRatings(int[][] wins) {
    int m = wins.length;
    double[] p = new double[m];
    Arrays.fill(p, 1);
    for (int iter = 0; iter < 500; iter++) {
        double[] next = new double[m];
        for (int i = 0; i < m; i++) {
            double w = 0, denom = 0;
            for (int j = 0; j < m; j++) if (j != i) { w += wins[i][j]; denom += (wins[i][j] + wins[j][i]) / (p[i] + p[j]); }
            next[i] = w / denom;
        }
        double g = Math.exp(Arrays.stream(next).map(Math::log).average().orElse(0));
        for (int i = 0; i < m; i++) p[i] = next[i] / g;                 // fix the scale: geometric mean 1
    }
    double[] r = new double[m];
    for (int i = 0; i < m; i++) r[i] = 1000 + 400 * Math.log10(p[i]);
    return r;
}
// @end region="arena"

// n copies of log(1/vocab): a model that is uniform over the vocabulary.
double[] uniformLogProbs(int tokens, int vocab) { double[] lp = new double[tokens]; Arrays.fill(lp, -Math.log(vocab)); return lp; }

String f3(double x) { return String.format("%.3f", x); }
String f4(double x) { return String.format("%.4f", x); }
String pp(double x) { return String.format("%.1f points", 100 * x); }
String pct(double x) { return String.format("%.1f%%", 100 * x); }

void check(String what, double actual, double expected, double relTol) {
    if (Math.abs(actual - expected) > relTol * Math.abs(expected))
        throw new IllegalStateException("05-evaluation: " + what + " = " + actual + ", expected " + expected);
}

int checks05 = 0;
// All checks run as one snippet: JShell compiles each top-level statement on its own, and one block loads faster.
{
    check("pass@1, n=10 c=3", passAtK(10, 3, 1), 0.3, 1e-12); checks05++;
    check("pass@5, n=10 c=3", passAtK(10, 3, 5), 0.916667, 1e-6); checks05++;
    check("pass@10, n=200 c=10", passAtK(200, 10, 10), 0.408548, 1e-6); checks05++;
    check("naive pass@10, n=200 c=10", passAtKNaive(200, 10, 10), 0.401263, 1e-6); checks05++;
    check("pass@100, n=200 c=10", passAtK(200, 10, 100), 0.999229, 1e-6); checks05++;
    check("EM ignores case, punctuation, articles", exactMatch("The Eiffel Tower!", "Eiffel Tower"), 1.0, 0); checks05++;
    check("F1 partial answer", f1Score("Paris, France", "Paris"), 2.0 / 3, 1e-12); checks05++;
    check("ROUGE-L, Lin 2004 example 1", rougeL("police kill the gunman", "police killed the gunman"), 0.75, 1e-12); checks05++;
    check("ROUGE-L, Lin 2004 example 2", rougeL("the gunman kill police", "police killed the gunman"), 0.5, 1e-12); checks05++;
    check("BLEU clipped precision, Papineni example", modifiedPrecision("the the the the the the the",
            List.of("The cat is on the mat", "There is a cat on the mat"), 1), 2.0 / 7, 1e-12); checks05++;
    check("BLEU-4, fox sentence", bleu("the quick brown fox jumps over the lazy dog",
            List.of("the quick brown fox jumped over the lazy dog")), 0.596949, 1e-5); checks05++;
    check("perplexity of a uniform model", perplexity(uniformLogProbs(50, 32000)), 32000, 1e-9); checks05++;
    // Paired differences: independent errors give sqrt(2) times one model's SE; rho = 1 with equal p gives 0.
    check("unpaired difference SE = sqrt(2) x single", pairedDiffStdError(0.5, 0.5, 0, 164), Math.sqrt(2) * accuracyStdError(0.5, 164), 1e-12); checks05++;
    check("perfectly correlated equal models", pairedDiffStdError(0.5, 0.5, 1, 164), 0, 0); checks05++;
    {
        boolean[] a = {true, true, false, false}, b = {true, false, true, false};
        check("per-item paired SE", pairedDiffStdError(a, b), Math.sqrt(2.0 / 3 / 4), 1e-12); checks05++;
        // one question per cluster: the clustered SE is the plain SE with the 1/n variance estimator
        double[] sc = {1, 0, 1, 1};
        check("clusters of one = plain SE", clusteredStdError(sc, new int[] {0, 1, 2, 3}), Math.sqrt(0.75 * 0.25 / 4), 1e-12); checks05++;
    }
    check("avg@k noise, 30 problems at p = 0.5, k = 1", avgAtKStdError(Collections.nCopies(30, 0.5).stream().mapToDouble(Double::doubleValue).toArray(), 1), accuracyStdError(0.5, 30), 1e-12); checks05++;
    check("majority of 1 is one sample", majorityVoteAccuracy(0.6, 1), 0.6, 1e-12); checks05++;
    check("majority of 3 at p = 0.6", majorityVoteAccuracy(0.6, 3), 3 * 0.36 * 0.4 + 0.216, 1e-12); checks05++;
    // Elo: a 400-point gap is 10:1 odds; Bradley–Terry on 64 wins in 100 recovers 400·log10(64/36).
    check("400 Elo points = 10:1", eloWinProbability(1400, 1000), 10.0 / 11, 1e-12); checks05++;
    {
        double[] r = bradleyTerryRatings(new int[][] {{0, 64}, {36, 0}});
        check("Bradley–Terry two-model gap", r[0] - r[1], 400 * Math.log10(64.0 / 36), 1e-9); checks05++;
    }
}
System.out.println("05-evaluation: " + checks05 + " checks passed");
