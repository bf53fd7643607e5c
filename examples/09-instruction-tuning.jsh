// 09-instruction-tuning: a chat template, the SFT loss mask over prompt tokens, and the DPO preference loss.
// Loaded by the site build through the JShell API; `jshell examples/09-instruction-tuning.jsh` runs the checks.

record Message(String role, String content) {}

// @start region="template"
// render a conversation in a ChatML-style template; addGenerationPrompt opens an assistant turn for inference
String chatTemplate(List<Message> messages, boolean addGenerationPrompt) {
    StringBuilder sb = new StringBuilder();
    for (Message m : messages)
        sb.append("<|im_start|>").append(m.role()).append('\n').append(m.content()).append("<|im_end|>\n");
    if (addGenerationPrompt) sb.append("<|im_start|>assistant\n");
    return sb.toString();
}
// @end region="template"

// @start region="mask"
int IGNORE = -100;   // the label that cross-entropy implementations skip

// toy tokenizer: special markers, newlines and whitespace-separated words are tokens;
// every new token string gets the next free id in `vocab`
Map<String, Integer> vocab = new LinkedHashMap<>();
List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<\\|im_start\\|>|<\\|im_end\\|>|\n|[^\\s<]+|<").matcher(text);
    while (m.find()) { out.add(m.group()); vocab.computeIfAbsent(m.group(), k -> vocab.size()); }
    return out;
}

// one label per token: the token's id where the model should learn to produce it
// (assistant content and its end marker), IGNORE for everything else (system, user, template markup)
record Encoded(List<String> tokens, int[] labels) {}
Encoded encode(List<Message> messages) {
    List<String> tokens = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Message m : messages) {
        boolean learn = m.role().equals("assistant");
        for (String t : tokenize("<|im_start|>" + m.role() + "\n")) { tokens.add(t); labels.add(IGNORE); }
        for (String t : tokenize(m.content() + "<|im_end|>")) {
            tokens.add(t);
            labels.add(learn ? vocab.get(t) : IGNORE);
        }
        tokens.add("\n"); labels.add(IGNORE);
    }
    return new Encoded(tokens, labels.stream().mapToInt(Integer::intValue).toArray());
}

// mean negative log-likelihood over the positions whose label is not IGNORE
// (logits[i] is the model's prediction for position i, i.e. already shifted by one)
double sftLoss(double[][] logits, int[] labels) {
    double sum = 0;
    int counted = 0;
    for (int i = 0; i < labels.length; i++) {
        if (labels[i] == IGNORE) continue;
        double max = Arrays.stream(logits[i]).max().orElseThrow(), z = 0;
        for (double l : logits[i]) z += Math.exp(l - max);
        sum += -(logits[i][labels[i]] - max - Math.log(z));
        counted++;
    }
    return sum / counted;
}
// @end region="mask"

// @start region="dpo"
// DPO loss for one preference pair: -log sigmoid(beta * (chosen log-ratio - rejected log-ratio)),
// where each log-ratio is log pi_theta(y|x) - log pi_ref(y|x) summed over the response tokens
double dpoLoss(double policyChosen, double policyRejected, double refChosen, double refRejected, double beta) {
    double margin = beta * ((policyChosen - refChosen) - (policyRejected - refRejected));
    return softplus(-margin);                    // = -log(sigmoid(margin))
}

// log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|) stays finite for any x
double softplus(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }
// @end region="dpo"

// @start region="simpo"
// SimPO: the reward of a response is its *average* log-probability per token (scaled by beta), there is no
// reference model, and the chosen response must win by a margin gamma: -log sigmoid(beta*(avg_w - avg_l) - gamma)
double simpoLoss(double logpChosen, int lenChosen, double logpRejected, int lenRejected, double beta, double gamma) {
    return softplus(-(beta * (logpChosen / lenChosen - logpRejected / lenRejected) - gamma));
}
// @end region="simpo"

// @start region="grpo"
// GRPO's group-relative advantage: sample G answers to the same prompt, score them (1 = verified correct),
// and give each answer (r - mean) / std of its group; no value network is needed.
// A group whose answers all score the same has std 0 and teaches nothing: every advantage is 0.
double[] grpoAdvantages(double[] rewards) {
    double mean = Arrays.stream(rewards).average().orElseThrow();
    double std = Math.sqrt(Arrays.stream(rewards).map(r -> (r - mean) * (r - mean)).average().orElseThrow());
    return Arrays.stream(rewards).map(r -> std == 0 ? 0 : (r - mean) / std).toArray();
}

// chance that a group of G independent answers, each correct with probability p, is all right or all wrong
double zeroSignalProbability(double p, int groupSize) {
    return Math.pow(p, groupSize) + Math.pow(1 - p, groupSize);
}
// @end region="grpo"

// @start region="lora"
// LoRA adds B (dOut x r) times A (r x dIn) beside a frozen weight: r * (dIn + dOut) trainable parameters per matrix
long loraParams(int layers, int matricesPerLayer, int dIn, int dOut, int rank) {
    return (long) layers * matricesPerLayer * rank * ((long) dIn + dOut);
}
// @end region="lora"

// ---- the example used on the page ----
List<Message> chat = List.of(
    new Message("system", "You are a concise assistant."),
    new Message("user", "What is the capital of France?"),
    new Message("assistant", "The capital of France is Paris."));
Encoded enc = encode(chat);

double[][] randomLogits(int positions, int vocabSize, long seed) {
    Random r = new Random(seed);
    double[][] l = new double[positions][vocabSize];
    for (double[] row : l) for (int v = 0; v < vocabSize; v++) row[v] = r.nextGaussian();
    return l;
}
long trained(int[] labels) { return Arrays.stream(labels).filter(l -> l != IGNORE).count(); }

// ---- formatting helpers ----
String f4(double v) { return String.format(Locale.ROOT, "%.4f", v); }
String share(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }   // not pct: 03's pct takes percent points
String share3(double v) { return String.format(Locale.ROOT, "%.3f%%", 100 * v); }
String f3(double v) { return String.format(Locale.ROOT, "%.3f", v); }
String gbytes(double bytes) { return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9); }
double[] demoRewards = {1, 0, 0, 1, 0, 0, 1, 0};   // a group of 8 sampled answers, 3 verified correct
String n0(double v) { return String.format(Locale.ROOT, "%,.0f", v); }

// ---- self-checks ----
int checks = 0;
void check(String what, double actual, double expected, double relTol) {
    double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (!(err <= relTol) && !(expected == 0 && Math.abs(actual) <= relTol))
        throw new IllegalStateException("09-instruction-tuning: " + what + " = " + actual + ", expected " + expected);
    checks++;
}
{   // fact-check.md: 5 prompt + 3 response tokens -> the loss averages over 3 positions only
    int[] labels = {IGNORE, IGNORE, IGNORE, IGNORE, IGNORE, 2, 0, 1};
    double[][] logits = randomLogits(8, 4, 7);
    double manual = 0;
    for (int i = 5; i < 8; i++) {
        double z = Arrays.stream(logits[i]).map(Math::exp).sum();
        manual += -Math.log(Math.exp(logits[i][labels[i]]) / z);
    }
    check("masked loss = mean over 3 response tokens", sftLoss(logits, labels), manual / 3, 1e-12);
    double[][] changed = Arrays.stream(logits).map(double[]::clone).toArray(double[][]::new);
    for (int i = 0; i < 5; i++) Arrays.fill(changed[i], 3.0 * i);
    check("prompt logits do not affect the loss", sftLoss(changed, labels), sftLoss(logits, labels), 0);
    check("uniform logits give log V", sftLoss(new double[8][4], labels), Math.log(4), 1e-12);
}
check("template round trip", tokenize(chatTemplate(chat, false)).size(), enc.tokens().size(), 0);
check("only the answer and its end marker are trained", trained(enc.labels()), tokenize("The capital of France is Paris.<|im_end|>").size(), 0);
check("DPO at the reference policy = log 2", dpoLoss(-10, -12, -10, -12, 0.1), Math.log(2), 1e-12);
check("DPO with margin 10, beta 0.1", dpoLoss(-5, -15, -10, -10, 0.1), -Math.log(1 / (1 + Math.exp(-1))), 1e-12);
check("DPO stays finite far on the wrong side (softplus(1000) = 1000)", dpoLoss(-10_000, 0, 0, 0, 0.1), 1000, 1e-12);
check("DPO far on the right side tends to 0", dpoLoss(0, -10_000, 0, 0, 0.1), Math.exp(-1000), 1e-12);
check("softplus(0) = log 2", softplus(0), Math.log(2), 1e-15);
check("SimPO ignores length when the per-token log-probs are equal", simpoLoss(-20, 10, -40, 20, 2, 0), Math.log(2), 1e-12);
{
    double[] a = grpoAdvantages(demoRewards);
    check("GRPO advantages sum to 0", Arrays.stream(a).sum(), 0, 1e-12);
    check("GRPO: correct answer in a 3-of-8 group", a[0], (1 - 0.375) / Math.sqrt(0.375 * 0.625), 1e-12);
    check("GRPO: a group that is all correct gives no signal", Arrays.stream(grpoAdvantages(new double[] {1, 1, 1, 1})).map(Math::abs).sum(), 0, 0);
}
check("zero-signal groups at p = 0.5, G = 8", zeroSignalProbability(0.5, 8), 2 / 256.0, 1e-12);
check("LoRA r=8 on Wq, Wv of GPT-3 175B: 37.7M (Hu et al. Table 4)", loraParams(96, 2, 12288, 12288, 8), 37.7e6, 0.002);
System.out.println("09-instruction-tuning: " + checks + " checks passed");
