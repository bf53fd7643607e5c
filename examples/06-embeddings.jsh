// 06-embeddings: similarity kernels, brute-force top-k retrieval, chunking, index size.
// Loaded by the site build through the JShell API; `jshell examples/06-embeddings.jsh` runs the checks.

// @start region="similarity"
// dot product: sum of a[i]*b[i]
double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
}

// Euclidean (L2) length of a vector
double norm(double[] a) { return Math.sqrt(dot(a, a)); }

// cosine similarity: the dot product of the two directions, in [-1, 1]
double cosine(double[] a, double[] b) { return dot(a, b) / (norm(a) * norm(b)); }

// Euclidean distance ||a - b||_2, in [0, inf)
double euclidean(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
    return Math.sqrt(s);
}

// the same direction with length 1, so that dot() of two normalised vectors is their cosine
double[] normalize(double[] a) {
    double n = norm(a);
    return Arrays.stream(a).map(x -> x / n).toArray();
}
// @end region="similarity"

// @start region="topk"
// indices of the k corpus vectors most similar to the query by cosine, highest first (exact, brute force)
int[] topK(double[][] corpus, double[] query, int k) {
    double[] score = new double[corpus.length];
    for (int i = 0; i < corpus.length; i++) score[i] = cosine(corpus[i], query);
    return IntStream.range(0, corpus.length).boxed()
            .sorted((i, j) -> Double.compare(score[j], score[i]))   // stable: ties keep corpus order
            .limit(k).mapToInt(Integer::intValue).toArray();
}

// the same ranking by raw dot product, to show what skipping normalisation does
int[] topKByDot(double[][] corpus, double[] query, int k) {
    return IntStream.range(0, corpus.length).boxed()
            .sorted((i, j) -> Double.compare(dot(corpus[j], query), dot(corpus[i], query)))
            .limit(k).mapToInt(Integer::intValue).toArray();
}
// @end region="topk"

// @start region="chunk"
// split text into windows of `size` words that overlap by `overlap` words (the last window may be shorter)
List<String> chunkWords(String text, int size, int overlap) {
    if (overlap >= size) throw new IllegalArgumentException("overlap must be smaller than size");
    String[] w = text.trim().split("\\s+");
    List<String> chunks = new ArrayList<>();
    for (int start = 0; ; start += size - overlap) {
        chunks.add(String.join(" ", Arrays.copyOfRange(w, start, Math.min(w.length, start + size))));
        if (start + size >= w.length) break;
    }
    return chunks;
}
// @end region="chunk"

// @start region="chunk-count"
// how many windows chunkWords returns for a text of `words` words: one when it fits in a single window,
// otherwise ceil((n - o) / (s - o)); the max(1, ...) form covers texts no longer than the overlap
long chunkCount(long words, int size, int overlap) {
    long step = size - overlap;
    return Math.max(1, (words - overlap + step - 1) / step);
}
// @end region="chunk-count"

// @start region="index-size"
// bytes needed to store `vectors` embeddings of `dims` values each, without any index overhead
long indexBytes(long vectors, int dims, int bytesPerValue) { return vectors * dims * bytesPerValue; }

// the same for codes narrower than a byte per value (1 bit for binary codes, 4 for int4), rounded up per vector
long codeBytes(long vectors, int dims, int bitsPerValue) { return vectors * (((long) dims * bitsPerValue + 7) / 8); }
// @end region="index-size"

// @start region="rrf"
// reciprocal rank fusion: every ranked list gives each of its documents 1 / (k + rank), rank counted from 1;
// documents are returned by their summed score, highest first (ties: lower index first)
int[] reciprocalRankFusion(List<int[]> rankings, int k, int top) {
    Map<Integer, Double> score = new TreeMap<>();
    for (int[] ranking : rankings)
        for (int r = 0; r < ranking.length; r++) score.merge(ranking[r], 1.0 / (k + r + 1), Double::sum);
    return score.entrySet().stream()
            .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))    // stable: TreeMap order breaks ties
            .limit(top).mapToInt(Map.Entry::getKey).toArray();
}

// the fused score of one document: the sum of 1 / (k + rank) over the lists that contain it
double rrfScore(List<int[]> rankings, int k, int doc) {
    double score = 0;
    for (int[] ranking : rankings)
        for (int r = 0; r < ranking.length; r++) if (ranking[r] == doc) score += 1.0 / (k + r + 1);
    return score;
}

// a keyword retriever for the demo: documents sharing at least one word with the query, most shared words first
int[] keywordRank(String[] corpus, String query) {
    Set<String> q = words(query);
    int[] shared = Arrays.stream(corpus).mapToInt(d -> (int) words(d).stream().filter(q::contains).count()).toArray();
    return IntStream.range(0, corpus.length).boxed().filter(i -> shared[i] > 0)
            .sorted((i, j) -> Integer.compare(shared[j], shared[i])).mapToInt(Integer::intValue).toArray();
}
Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
}
// @end region="rrf"

// @start region="maxsim"
// late interaction (ColBERT): one vector per token on both sides; every query token takes its best cosine
// against the document's tokens, and the document's score is the sum of those maxima
double maxSim(double[][] queryTokens, double[][] docTokens) {
    double total = 0;
    for (double[] q : queryTokens) {
        double best = Double.NEGATIVE_INFINITY;
        for (double[] d : docTokens) best = Math.max(best, cosine(q, d));
        total += best;
    }
    return total;
}
// @end region="maxsim"

// @start region="binary"
// binary quantization: keep one bit per dimension (is the value positive?), packed 64 to a long
long[] binarize(double[] v) {
    long[] bits = new long[(v.length + 63) / 64];
    for (int i = 0; i < v.length; i++) if (v[i] > 0) bits[i / 64] |= 1L << (i % 64);
    return bits;
}

// how many bits differ: a small Hamming distance stands in for a large cosine
int hamming(long[] a, long[] b) {
    int d = 0;
    for (int i = 0; i < a.length; i++) d += Long.bitCount(a[i] ^ b[i]);
    return d;
}

// indices of the k codes nearest to the query code by Hamming distance (ties: lower index first)
int[] topKByHamming(long[][] codes, long[] query, int k) {
    return IntStream.range(0, codes.length).boxed()
            .sorted(Comparator.comparingInt(i -> hamming(codes[i], query)))
            .limit(k).mapToInt(Integer::intValue).toArray();
}
// @end region="binary"

// share of the exact top-k that another ranking also puts in its top k
double recallAtK(int[] exact, int[] approx) {
    Set<Integer> e = Arrays.stream(exact).boxed().collect(Collectors.toSet());
    return (double) Arrays.stream(approx).filter(e::contains).count() / exact.length;
}

// a random corpus for the compression demo: `n` Gaussian vectors of `dims` values, and queries that are
// noisy copies of some of them (so that each query has a true nearest neighbour)
double[][] gaussianVectors(int n, int dims, long seed) {
    Random r = new Random(seed);
    double[][] v = new double[n][dims];
    for (double[] row : v) for (int i = 0; i < dims; i++) row[i] = r.nextGaussian();
    return v;
}
double[] noisyCopy(double[] v, double noise, long seed) {
    Random r = new Random(seed);
    return Arrays.stream(v).map(x -> x + noise * r.nextGaussian()).toArray();
}

// ---- toy data used on the page ----
double[] king  = {0.2, 0.8};
double[] queen = {0.3, 0.8};
double[] man   = {0.2, 0.1};
double[] woman = {0.3, 0.1};

double[] add(double[] a, double[] b) { double[] r = a.clone(); for (int i = 0; i < r.length; i++) r[i] += b[i]; return r; }
double[] sub(double[] a, double[] b) { double[] r = a.clone(); for (int i = 0; i < r.length; i++) r[i] -= b[i]; return r; }

// a six-document corpus in a 3-d "topic" space: {animals, finance, sport}
String[] docs = {
    "The cat slept on the warm windowsill.",
    "Dogs are loyal companions.",
    "The central bank raised interest rates.",
    "Stock prices fell after the earnings report.",
    "The striker scored twice in the final.",
    "A very long market report that mentions pets once."
};
double[][] docVecs = {
    {0.90, 0.05, 0.05},
    {0.85, 0.10, 0.05},
    {0.05, 0.95, 0.00},
    {0.10, 0.90, 0.05},
    {0.05, 0.05, 0.95},
    {1.50, 3.00, 0.20}     // long vector: mostly finance, a little "animal"
};
double[] petQuery = {0.95, 0.05, 0.00};   // "Which animals make good pets?"

// the keyword and dense rankings of the pet question, fused on the page
List<int[]> petLists = List.of(keywordRank(docs, "Which pets? Dogs or cats?"), topK(docVecs, petQuery, 3));

// ColBERT-style token vectors for the late-interaction demo, in the same 3-d topic space:
// a query of two tokens ("pets", "rates") and two documents of three tokens each
double[][] lateQuery = {{0.95, 0.05, 0.0}, {0.05, 0.95, 0.0}};
double[][] lateDocPets = {{0.9, 0.05, 0.05}, {0.85, 0.1, 0.05}, {0.1, 0.1, 0.8}};
double[][] lateDocMixed = {{0.9, 0.1, 0.0}, {0.1, 0.9, 0.0}, {0.3, 0.3, 0.4}};

// the compression demo: 2,000 random 256-dimensional vectors, 20 queries
double[][] demoCorpus = gaussianVectors(2000, 256, 7);
long[][] demoCodes = Arrays.stream(demoCorpus).map(v -> binarize(v)).toArray(long[][]::new);
double meanBinaryRecallAt10() {
    double sum = 0;
    for (int q = 0; q < 20; q++) {
        double[] query = noisyCopy(demoCorpus[q * 97], 1.0, q);
        sum += recallAtK(topK(demoCorpus, query, 10), topKByHamming(demoCodes, binarize(query), 10));
    }
    return sum / 20;
}
double binaryTop1Agreement() {
    int same = 0;
    for (int q = 0; q < 20; q++) {
        double[] query = noisyCopy(demoCorpus[q * 97], 1.0, q);
        if (topK(demoCorpus, query, 1)[0] == topKByHamming(demoCodes, binarize(query), 1)[0]) same++;
    }
    return same / 20.0;
}
int passageTokens = 100;   // a typical passage length for the late-interaction storage estimate (an assumption)

// ---- formatting helpers for inline values ----
String f3(double x) { return String.format(Locale.ROOT, "%.3f", x); }
String f6(double x) { return String.format(Locale.ROOT, "%.6f", x); }
String gb(double bytes) { return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9); }
String idx(int[] a) { return Arrays.toString(a); }
String big(double x) { return String.format(Locale.ROOT, "%,.0f", x); }
String mb(double bytes) { return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6); }
String times(double x) { return String.format(Locale.ROOT, "%.0f×", x); }
String share(double x) { return String.format(Locale.ROOT, "%.0f%%", 100 * x); }
String f2(double x) { return String.format(Locale.ROOT, "%.2f", x); }

// ---- self-checks against the values in fact-check.md ----
int checks = 0;
void check(String what, double actual, double expected, double relTol) {
    double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (!(err <= relTol) && !(expected == 0 && Math.abs(actual) <= relTol))
        throw new IllegalStateException("06-embeddings: " + what + " = " + actual + ", expected " + expected);
    checks++;
}
check("cos(king, queen)", cosine(king, queen), 0.993533, 1e-6);
check("cos(king - man + woman, queen)", cosine(add(sub(king, man), woman), queen), 1.0, 1e-12);
check("king - man + woman equals queen", euclidean(add(sub(king, man), woman), queen), 0.0, 1e-12);
check("||king - queen||", euclidean(king, queen), 0.1, 1e-12);
check("king . queen", dot(king, queen), 0.70, 1e-12);
check("normalise then dot = cosine", dot(normalize(docVecs[5]), normalize(petQuery)), cosine(docVecs[5], petQuery), 1e-12);
check("unit vectors: d^2 = 2 - 2 cos", Math.pow(euclidean(normalize(king), normalize(man)), 2), 2 - 2 * cosine(king, man), 1e-12);
{   // top-k agrees with a full sort of the cosine scores
    Integer[] all = {0, 1, 2, 3, 4, 5};
    Arrays.sort(all, (i, j) -> Double.compare(cosine(docVecs[j], petQuery), cosine(docVecs[i], petQuery)));
    int[] top = topK(docVecs, petQuery, 3);
    for (int i = 0; i < 3; i++) check("topK rank " + i, top[i], all[i], 0);
}
check("dot ranks the long finance doc first", topKByDot(docVecs, petQuery, 1)[0], 5, 0);
{   // chunk count = ceil((n - overlap) / (size - overlap))
    String words = IntStream.range(0, 1000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    check("chunks of 1000 words, size 200, overlap 50", chunkWords(words, 200, 50).size(), Math.ceil((1000 - 50) / 150.0), 0);
}
check("1M x 3072 float32", indexBytes(1_000_000, 3072, 4), 12_288_000_000L, 0);
{   // chunkCount agrees with chunkWords, including texts shorter than one window or than the overlap
    for (int n : new int[] {1, 3, 4, 5, 12, 13, 20, 21, 1000}) {
        String words = IntStream.range(0, n).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        check("chunkCount(" + n + ", 12, 4)", chunkCount(n, 12, 4), chunkWords(words, 12, 4).size(), 0);
    }
}
check("binary codes: 1M x 1024 dims = 128 MB", codeBytes(1_000_000, 1024, 1), 128_000_000L, 0);
check("int8 codes equal indexBytes with 1 byte", codeBytes(1_000_000, 1024, 8), indexBytes(1_000_000, 1024, 1), 0);
{   // RRF (Cormack et al. 2009, k = 60): a document ranked 1st and 2nd scores 1/61 + 1/62
    List<int[]> lists = List.of(new int[] {1, 5}, new int[] {0, 1, 5});
    check("RRF puts the document both lists agree on first", reciprocalRankFusion(lists, 60, 3)[0], 1, 0);
    check("RRF order", Arrays.hashCode(reciprocalRankFusion(lists, 60, 3)), Arrays.hashCode(new int[] {1, 5, 0}), 0);
}
check("RRF score of a document ranked 1st and 2nd", rrfScore(List.of(new int[] {1, 5}, new int[] {0, 1, 5}), 60, 1), 1.0 / 61 + 1.0 / 62, 1e-15);
check("keyword ranking of the pet question", Arrays.hashCode(keywordRank(docs, "Which pets? Dogs or cats?")), Arrays.hashCode(new int[] {1, 5}), 0);
check("MaxSim of a document with itself = number of query tokens", maxSim(lateDocPets, lateDocPets), 3, 1e-12);
check("late interaction prefers the document that covers both query tokens",
      maxSim(lateQuery, lateDocMixed) > maxSim(lateQuery, lateDocPets) ? 1 : 0, 1, 0);
check("Hamming distance of a code with itself", hamming(demoCodes[3], demoCodes[3]), 0, 0);
check("binary codes find the true neighbour of at least 90% of the noisy queries", binaryTop1Agreement() >= 0.9 ? 1 : 0, 1, 0);
check("but keep much less of the exact top 10", meanBinaryRecallAt10() < binaryTop1Agreement() ? 1 : 0, 1, 0);
System.out.println("06-embeddings: " + checks + " checks passed");
