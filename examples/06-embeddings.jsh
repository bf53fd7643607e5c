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

// @start region="index-size"
// bytes needed to store `vectors` embeddings of `dims` values each, without any index overhead
long indexBytes(long vectors, int dims, int bytesPerValue) { return vectors * dims * bytesPerValue; }
// @end region="index-size"

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

// ---- formatting helpers for inline values ----
String f3(double x) { return String.format(Locale.ROOT, "%.3f", x); }
String f6(double x) { return String.format(Locale.ROOT, "%.6f", x); }
String gb(double bytes) { return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9); }
String idx(int[] a) { return Arrays.toString(a); }
String big(double x) { return String.format(Locale.ROOT, "%,.0f", x); }

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
System.out.println("06-embeddings: " + checks + " checks passed");
