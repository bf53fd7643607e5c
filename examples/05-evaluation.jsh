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

// n copies of log(1/vocab): a model that is uniform over the vocabulary.
double[] uniformLogProbs(int tokens, int vocab) { double[] lp = new double[tokens]; Arrays.fill(lp, -Math.log(vocab)); return lp; }

String f3(double x) { return String.format("%.3f", x); }
String f4(double x) { return String.format("%.4f", x); }
String pp(double x) { return String.format("%.1f points", 100 * x); }

void check(String what, double actual, double expected, double relTol) {
    if (Math.abs(actual - expected) > relTol * Math.abs(expected))
        throw new IllegalStateException("05-evaluation: " + what + " = " + actual + ", expected " + expected);
}

int checks05 = 0;
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
System.out.println("05-evaluation: " + checks05 + " checks passed");
